namespace Asystent.KnowledgeBase.ServiceCards;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>One thing wrong with a card file, located as precisely as the file allows.</summary>
public sealed record CardProblem(string File, int? Line, string Field, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() =>
        $"{File}{(Line is { } l ? $":{l}" : "")}: {Severity.ToString().ToLowerInvariant()}: {Field}: {Message}";
}

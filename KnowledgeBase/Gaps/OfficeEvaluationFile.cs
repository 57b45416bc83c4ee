using Asystent.KnowledgeBase.Evaluation;

namespace Asystent.KnowledgeBase.Gaps;

/// <summary>
/// Appends staff's decisions to the office's own evaluation set (<c>{OfficeEvaluationPath}/office.tsv</c>,
/// read by <c>Indexer eval --set office</c>) in the format of the other sets: "tags &lt;TAB&gt; card id or
/// - &lt;TAB&gt; question". The questions come masked from the analytics events, and have no tabs or line
/// breaks (their whitespace was collapsed when they were recorded).
/// </summary>
public sealed class OfficeEvaluationFile(KnowledgeBaseOptions options)
{
    private const string Header = """
        # The office's own questions (masked), assigned to cards or marked out of scope by staff at /admin/gaps.
        # Written by the assistant: tags <TAB> expected card id ("-" when no card answers) <TAB> question.
        # Evaluate with: Indexer eval --set office

        """;

    // One writer at a time within a process; a line is appended in one write, so two processes interleave whole lines.
    private readonly Lock writeLock = new();

    public string Path => System.IO.Path.Combine(options.OfficeEvaluationPath, EvaluationSet.OfficeFile);

    public void Append(string language, string? cardId, IEnumerable<string> questions)
    {
        var lines = string.Concat(questions.Select(q => $"{language},office\t{cardId ?? "-"}\t{Clean(q)}\n"));
        lock (writeLock)
        {
            Directory.CreateDirectory(options.OfficeEvaluationPath);
            var fresh = !File.Exists(Path);
            File.AppendAllText(Path, (fresh ? Header.ReplaceLineEndings("\n") : "") + lines);
        }
    }

    private static string Clean(string question) => string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Search;

/// <summary>A search for cards. <see cref="Language"/> null means "detect it from the text".</summary>
public sealed record SearchRequest(string Query, Language? Language = null, int Top = 5, string? Unit = null, CardKind? Kind = null)
{
    public const int MaxQueryLength = 500;
    public const int MaxTop = 50;
}

public sealed record SearchHit(string Id, string Title, string Unit, string UnitCode, CardKind Kind, float Score, string Snippet);

/// <param name="Answerable">Whether the first result answers the question (see <see cref="AnswerJudgement"/>); false when there is none.</param>
public sealed record SearchResponse(string Query, Language Language, IReadOnlyList<SearchHit> Results, bool Answerable = false)
{
    /// <summary>The share of the question's meaningful words the first card holds (for calibrating the judgement, not sent).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double Coverage { get; init; }

    /// <summary>The card classifier's probability for the first card, when it took part (not sent).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public float? Probability { get; init; }

    /// <summary>The card classifier's probability that no card answers (not sent).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public float? NoCardProbability { get; init; }

    /// <summary>How many of the question's words some card holds (not sent).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int KnownWords { get; init; }

    /// <summary>How many meaningful words the question has (not sent).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ContentWords { get; init; }
}

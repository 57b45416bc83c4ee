namespace Asystent.KnowledgeBase.Gaps;

/// <summary>What staff decided about a question at /admin/gaps.</summary>
public static class GapDecisions
{
    /// <summary>Assigned to a card: the question became one of its example phrases and a line of the office's evaluation set.</summary>
    public const string Assigned = "assigned";

    /// <summary>No office card should answer it (weather, jokes, another institution's matter).</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>A new card's draft was started from it.</summary>
    public const string NewCard = "new_card";
}

/// <summary>
/// A decision about one question (its masked, normalised text in one language): a decided question
/// leaves the gap list, however often it is asked again. At most one per text and language.
/// </summary>
public sealed class GapDecisionRecord
{
    public long Id { get; set; }
    public required string Text { get; set; }
    public required string Language { get; set; }
    public required string Decision { get; set; }

    /// <summary>The card assigned or drafted; null when out of scope.</summary>
    public string? CardId { get; set; }
    public required string DecidedBy { get; set; }
    public required DateTimeOffset DecidedAt { get; set; }
}

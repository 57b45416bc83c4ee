namespace Asystent.KnowledgeBase.ServiceCards.Editing;

/// <summary>Where a draft came from: the card editor, an imported karta usługi (DOCX/PDF), or a question without an answer.</summary>
public static class CardDraftSources
{
    public const string Editor = "editor";
    public const string Import = "import";
    public const string Gap = "gap";

    public static bool IsKnown(string source) => source is Editor or Import or Gap;
}

/// <summary>
/// A card being edited and not yet published: at most one per card. The card file stays as it is until
/// the draft is published. <see cref="BaseHash"/> is the hash of the card file the draft started from
/// (empty for a new card), so publishing over a file changed since is refused.
/// </summary>
public sealed class CardDraftRecord
{
    public long Id { get; set; }
    public required string CardId { get; set; }
    public required string Yaml { get; set; }
    public required string Author { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public string BaseHash { get; set; } = "";
    public required string Source { get; set; }
}

/// <summary>One publication of a card: who, when, and the file before (null for a new card) and after.</summary>
public sealed class CardRevisionRecord
{
    public long Id { get; set; }
    public required string CardId { get; set; }
    public string? Before { get; set; }
    public required string After { get; set; }
    public required string Author { get; set; }
    public required DateTimeOffset PublishedAt { get; set; }

    /// <summary>publish, or restore (the publication of an older version).</summary>
    public required string Action { get; set; }

    /// <summary>The index generation the publication built.</summary>
    public string? Generation { get; set; }
}

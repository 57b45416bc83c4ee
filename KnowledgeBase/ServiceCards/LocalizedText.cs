using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>A text in up to four languages, keyed by language code as written in the card file.</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText() : base(StringComparer.OrdinalIgnoreCase) { }

    public string? In(Language language) =>
        TryGetValue(language.Code(), out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>The text in <paramref name="language"/>, or the Polish text when there is none.</summary>
    public string Best(Language language) => In(language) ?? In(Language.Pl) ?? string.Empty;
}

/// <summary>A list of items (steps, documents, keywords) in up to four languages.</summary>
public sealed class LocalizedList : Dictionary<string, List<string>>
{
    public LocalizedList() : base(StringComparer.OrdinalIgnoreCase) { }

    public IReadOnlyList<string>? In(Language language) =>
        TryGetValue(language.Code(), out var items) && items is { Count: > 0 } ? items : null;

    public IReadOnlyList<string> Best(Language language) => In(language) ?? In(Language.Pl) ?? [];

    public IEnumerable<string> AllItems() => Values.SelectMany(v => v ?? []);
}

using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.Entities;

/// <summary>
/// Office reference numbers ("znak sprawy"): unit symbol, JRWA class, running number, year, as in
/// KT.5410.123.2026, also typed with spaces around the dots ("KT. 5410 .123 . 2026") or lower-case.
/// </summary>
public static partial class CaseNumberRecognizer
{
    public static string? Find(string text)
    {
        var match = Pattern().Match(text);
        return match.Success
            ? $"{match.Groups["unit"].Value.ToUpperInvariant()}.{match.Groups["class"].Value}.{match.Groups["number"].Value}.{match.Groups["year"].Value}"
            : null;
    }

    /// <summary>True when the whole text is a case number (used to validate API input).</summary>
    public static bool IsValid(string text) => Pattern().Match(text.Trim()) is { Success: true } m && m.Length == text.Trim().Length;

    [GeneratedRegex(@"(?<![\p{L}\d])(?<unit>[A-Za-z]{1,6})\s*\.\s*(?<class>\d{3,4})\s*\.\s*(?<number>\d{1,6})\s*\.\s*(?<year>(19|20)\d{2})(?!\d)")]
    private static partial Regex Pattern();
}

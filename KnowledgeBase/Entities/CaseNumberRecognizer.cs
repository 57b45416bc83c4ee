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
        var match = ParticularPatterns.CaseNumber().Match(text);
        return match.Success
            ? $"{match.Groups["unit"].Value.ToUpperInvariant()}.{match.Groups["class"].Value}.{match.Groups["number"].Value}.{match.Groups["year"].Value}"
            : null;
    }

    /// <summary>True when the whole text is a case number (used to validate API input).</summary>
    public static bool IsValid(string text) => ParticularPatterns.CaseNumber().Match(text.Trim()) is { Success: true } m && m.Length == text.Trim().Length;

}

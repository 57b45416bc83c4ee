using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.Entities;

/// <summary>
/// The shapes of the particulars people type (e-mail, office case number, phone number), in one
/// place for everything that finds, masks or strips them: entity recognition, personal-data masking
/// and the intent model's text normalisation.
/// </summary>
public static partial class ParticularPatterns
{
    /// <summary>An e-mail address with a real top-level domain.</summary>
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}")]
    public static partial Regex Email();

    /// <summary>A case number ("znak sprawy"): unit symbol, JRWA class, running number, year; spaces around dots allowed.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?<unit>[A-Za-z]{1,6})\s*\.\s*(?<class>\d{3,4})\s*\.\s*(?<number>\d{1,6})\s*\.\s*(?<year>(19|20)\d{2})(?!\d)")]
    public static partial Regex CaseNumber();

    /// <summary>Nine digits, optionally grouped and prefixed with +48: the shape of a Polish phone number.</summary>
    [GeneratedRegex(@"(?<![\w])(\+?48[\s-]?)?(\d[\s-]?){8}\d(?![\w])")]
    public static partial Regex Phone();

    /// <summary>
    /// Replaces every match with a fixed text. Unlike <c>Regex.Replace(text, "…")</c>, this does not
    /// re-parse the replacement pattern when one regex is used with several replacements (masking,
    /// stripping and normalising share these patterns), which showed up under load. Most messages
    /// hold none of these: the test for a match allocates nothing, where a replacement with an
    /// evaluator allocates its scan's matches even when it finds none.
    /// </summary>
    public static string ReplaceAll(this Regex pattern, string text, string replacement) =>
        pattern.IsMatch(text) ? pattern.Replace(text, _ => replacement) : text;
}

using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.KnowledgeBase.Intents;

/// <summary>
/// Replaces the particular values in a message (a case number, a phone number, an e-mail, a date)
/// by a placeholder word before the model sees it, in training and in prediction alike: what tells
/// the intent is that a case number is there, not which one. Then it appends each word's folded,
/// lightly stemmed form.
/// </summary>
public static partial class IntentTextNormalizer
{
    /// <summary>The text without its particulars (for searching the matter it names): they only add noise there.</summary>
    public static string StripParticulars(string text)
    {
        var stripped = Email().Replace(text, " ");
        stripped = CaseNumber().Replace(stripped, " ");
        stripped = Date().Replace(stripped, " ");
        stripped = Time().Replace(stripped, " ");
        return Phone().Replace(stripped, " ");
    }

    public static string Normalize(string text)
    {
        var normalized = Email().Replace(text, " adresemail ");
        normalized = CaseNumber().Replace(normalized, " znaksprawy ");
        normalized = Date().Replace(normalized, " datadnia ");
        normalized = Time().Replace(normalized, " godzinazegara ");
        normalized = Phone().Replace(normalized, " numertelefonu ");
        return normalized + " " + string.Join(' ', Word().Matches(TextFolding.Fold(normalized)).Select(m => "s_" + Stem(m.Value)));
    }

    // The folded, lightly stemmed form ("odwołuję" → "s_odwol") lets forms the training data never
    // showed still share a feature; the prefix keeps stems apart from the words themselves.
    private static string Stem(string word)
    {
        var chars = word.ToCharArray();
        return new string(chars, 0, LightStemmer.Stem(chars, chars.Length));
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[A-Za-z]{1,6}\s*\.\s*\d{3,4}\s*\.\s*\d{1,6}\s*\.\s*\d{4}\b")]
    private static partial Regex CaseNumber();

    [GeneratedRegex(@"\b\d{1,2}[./-]\d{1,2}([./-]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex Date();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex Time();

    [GeneratedRegex(@"(\+?48[\s-]?)?(\d[\s-]?){8}\d")]
    private static partial Regex Phone();
}

using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Entities;
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
    /// <summary>Bump when the normalisation or the model's features change: a saved model is then retrained.</summary>
    public const string FeatureVersion = "2026-11-23.2";

    /// <summary>The text without its particulars (for searching the matter it names): they only add noise there.</summary>
    public static string StripParticulars(string text)
    {
        var stripped = ParticularPatterns.Email().ReplaceAll(text, " ");
        stripped = ParticularPatterns.CaseNumber().ReplaceAll(stripped, " ");
        stripped = Date().ReplaceAll(stripped, " ");
        stripped = Time().ReplaceAll(stripped, " ");
        return Phone().ReplaceAll(stripped, " ");
    }

    public static string Normalize(string text)
    {
        var normalized = ParticularPatterns.Email().ReplaceAll(text, " adresemail ");
        normalized = ParticularPatterns.CaseNumber().ReplaceAll(normalized, " znaksprawy ");
        normalized = Date().ReplaceAll(normalized, " datadnia ");
        normalized = Time().ReplaceAll(normalized, " godzinazegara ");
        normalized = Phone().ReplaceAll(normalized, " numertelefonu ");
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



    [GeneratedRegex(@"\b\d{1,2}[./-]\d{1,2}([./-]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex Date();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex Time();

    // Looser than ParticularPatterns.Phone on purpose: the model was chosen with this form, where a
    // digit run glued to letters still reads as a number.
    [GeneratedRegex(@"(\+?48[\s-]?)?(\d[\s-]?){8}\d")]
    private static partial Regex Phone();

}

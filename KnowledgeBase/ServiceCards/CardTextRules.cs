using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>
/// Slips that YAML and translation make and no schema catches: a value split at a comma inside an
/// unquoted flow list ("opłata ewidencyjna (4 × 0" + "50 zł)"), brackets left open, and a floor
/// translated without changing its number (Polish "1. piętro" is the Ukrainian "другий поверх").
/// </summary>
internal static partial class CardTextRules
{
    private static readonly Language[] Translations = [Language.En, Language.Uk, Language.Ru];

    public static IEnumerable<CardProblem> Check(ServiceCard card, CardFile file)
    {
        var problems = new List<CardProblem>();
        void Error(string field, string message) => problems.Add(new CardProblem(file.Path, file.Locator.LineOf(field), field, message));

        foreach (var (field, text) in Texts(card))
        {
            foreach (var language in text.Keys)
            {
                if (text[language] is { } value && Unbalanced(value) is { } bracket)
                {
                    Error($"{field}.{language}", $"'{Shorten(value)}' leaves '{bracket}' unclosed: was the text split at a comma? Put it in double quotes");
                }
            }

            CheckFloors(field, text, Error);
        }

        foreach (var (field, list) in Lists(card))
        {
            foreach (var (language, items) in list)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (Unbalanced(items[i]) is { } bracket)
                    {
                        Error($"{field}.{language}[{i}]", $"'{Shorten(items[i])}' leaves '{bracket}' unclosed: was the item split at a comma? Put it in double quotes");
                    }
                    else if (i + 1 < items.Count && EndsWithDigit().IsMatch(items[i]) && StartsWithDigit().IsMatch(items[i + 1]))
                    {
                        Error($"{field}.{language}[{i}]", $"'{Shorten(items[i])}' and '{Shorten(items[i + 1])}' look like one number split at a comma: put the item in double quotes");
                    }
                }
            }

            if (field != "keywords")
            {
                CheckFloors(field, Joined(list), Error);
            }
        }

        return problems;
    }

    /// <summary>The floors a text names, counted the Polish way (0 = parter), whatever language it is in.</summary>
    internal static SortedSet<int> FloorsIn(string text, Language language)
    {
        var floors = new SortedSet<int>();
        switch (language)
        {
            case Language.Pl:
                foreach (Match m in PolishFloor().Matches(text))
                {
                    floors.Add(m.Groups["ground"].Success ? 0
                        : m.Groups["roman"].Success ? Array.IndexOf(RomanNumerals, m.Groups["roman"].Value.ToUpperInvariant())
                        : m.Groups["word"].Success ? 1 + Array.FindIndex(PolishOrdinalStems, stem => m.Groups["word"].Value.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
                        : int.Parse(m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["m"].Value));
                }

                break;
            case Language.En:
                foreach (Match m in EnglishFloor().Matches(text))
                {
                    floors.Add(m.Groups["word"].Success ? Array.IndexOf(EnglishOrdinals, m.Groups["word"].Value.ToLowerInvariant())
                        : int.Parse(m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["m"].Value));
                }

                break;
            case Language.Uk:
            case Language.Ru:
                var pattern = language == Language.Uk ? UkrainianFloor() : RussianFloor();
                var stems = language == Language.Uk ? UkrainianOrdinalStems : RussianOrdinalStems;
                foreach (Match m in pattern.Matches(text))
                {
                    // Ukrainians and Russians count the ground floor as the first.
                    floors.Add(m.Groups["word"].Success
                        ? Array.FindIndex(stems, stem => m.Groups["word"].Value.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
                        : int.Parse(m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["m"].Value) - 1);
                }

                break;
        }

        return floors;
    }

    private static readonly string[] RomanNumerals = ["", "I", "II", "III", "IV", "V", "VI"];
    private static readonly string[] PolishOrdinalStems = ["pierwsz", "drug", "trzec", "czwart", "piąt"];
    private static readonly string[] EnglishOrdinals = ["ground", "first", "second", "third", "fourth", "fifth"];
    private static readonly string[] UkrainianOrdinalStems = ["перш", "друг", "трет", "четверт", "п'ят"];
    private static readonly string[] RussianOrdinalStems = ["перв", "втор", "трет", "четв", "пят"];

    private static void CheckFloors(string field, IReadOnlyDictionary<string, string> text, Action<string, string> error)
    {
        if (!text.TryGetValue("pl", out var polish) || string.IsNullOrWhiteSpace(polish))
        {
            return;
        }

        var expected = FloorsIn(polish, Language.Pl);
        foreach (var language in Translations)
        {
            if (text.TryGetValue(language.Code(), out var translated) && !string.IsNullOrWhiteSpace(translated)
                && FloorsIn(translated, language) is var found && !found.SetEquals(expected))
            {
                error($"{field}.{language.Code()}",
                    $"floors do not map: Polish names {Describe(expected, Language.Pl)}, this text {Describe(found, language)} " +
                    $"(expected {Describe(expected, language)}; Ukrainian and Russian count the ground floor as the first)");
            }
        }
    }

    private static string Describe(SortedSet<int> floors, Language language) =>
        floors.Count == 0 ? "no floor" : string.Join(", ", floors.Select(f => PlaceWords.Floor(f, language)));

    private static IEnumerable<(string Field, IReadOnlyDictionary<string, string> Text)> Texts(ServiceCard card)
    {
        yield return ("title", card.Title);
        yield return ("summary", card.Summary);
        yield return ("deadline", card.Deadline);
        yield return ("payment", card.Payment);
        if (card.Online is { } online)
        {
            yield return ("online.text", online.Text);
        }

        if (card.Where is { } where)
        {
            yield return ("where.note", where.Note);
        }

        if (card.Redirect is { } redirect)
        {
            yield return ("redirect.office", redirect.Office);
            yield return ("redirect.why", redirect.Why);
        }

        for (var i = 0; i < card.Fees.Count; i++)
        {
            yield return ($"fees[{i}].for", card.Fees[i].For);
        }

        for (var i = 0; i < card.Fines.Count; i++)
        {
            yield return ($"fines[{i}].for", card.Fines[i].For);
        }
    }

    private static IEnumerable<(string Field, LocalizedList List)> Lists(ServiceCard card)
    {
        yield return ("steps", card.Steps);
        yield return ("documents", card.Documents);
        yield return ("keywords", card.Keywords);
    }

    private static Dictionary<string, string> Joined(LocalizedList list) =>
        list.ToDictionary(l => l.Key, l => string.Join(" \n ", l.Value ?? []), StringComparer.OrdinalIgnoreCase);

    private static string? Unbalanced(string text)
    {
        var depth = new Dictionary<char, int> { ['('] = 0, ['['] = 0 };
        foreach (var c in text)
        {
            switch (c)
            {
                case '(': depth['(']++; break;
                case ')': depth['(']--; break;
                case '[': depth['[']++; break;
                case ']': depth['[']--; break;
            }
        }

        return depth['('] != 0 ? "(" : depth['['] != 0 ? "[" : null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    [GeneratedRegex(@"\d\s*$")]
    private static partial Regex EndsWithDigit();

    [GeneratedRegex(@"^\s*\d")]
    private static partial Regex StartsWithDigit();

    [GeneratedRegex(@"(?<ground>\bparter\w*)|\b(?<n>\d+)\.?\s*piętr\w*|\bpiętr\w*\s+(?<m>\d+)\b|\b(?-i:(?<roman>I|II|III|IV|V|VI))\.?\s+piętr\w*|(?<word>\b(?:pierwsz|drug|trzec|czwart|piąt)\w*)\s+piętr\w*", RegexOptions.IgnoreCase)]
    private static partial Regex PolishFloor();

    [GeneratedRegex(@"\b(?<word>ground|first|second|third|fourth|fifth)\s+floor\b|\b(?<n>\d+)(?:st|nd|rd|th)\s+floor\b|\bfloor\s+(?<m>\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishFloor();

    [GeneratedRegex(@"(?<word>\b(?:перш|друг|трет|четверт|п'ят)\w*)\s+поверс?\w*|\b(?<n>\d+)(?:-?\w{1,3})?\s+поверс?\w*|\bповерс?\w*\s+(?<m>\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UkrainianFloor();

    [GeneratedRegex(@"(?<word>\b(?:перв|втор|трет|четв|пят)\w*)\s+этаж\w*|\b(?<n>\d+)(?:-?\w{1,3})?\s+этаж\w*|\bэтаж\w*\s+(?<m>\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RussianFloor();
}

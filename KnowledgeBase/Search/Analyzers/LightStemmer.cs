namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// A crude suffix stripper for text that has already been folded to plain letters. Hunspell cannot
/// stem "samochodow" or "rejestracje" typed without Polish letters, and has no Russian dictionary
/// here; this stemmer gives every such word a stable stem so that folded queries still meet folded
/// card text. It over-stems on purpose: it feeds a lower-weighted recall field, not the main one.
/// </summary>
internal static class LightStemmer
{
    // Longest first. Polish (folded) inflection and the commonest derivational verb endings.
    private static readonly string[] LatinSuffixes =
    [
        "owaniami", "owaniach", "owaniem", "owania", "owanie", "owaniu",
        "owalismy", "owalem", "owalam", "owales", "owalas", "owali", "owala", "owal", "owany", "owana", "owane", "owanych", "owanego",
        "owac", "ujesz", "ujemy", "ujecie", "uja", "uje", "uj",
        "osciami", "osciach", "osci", "osc",
        "iami", "iach", "ami", "ach", "ego", "emu", "ich", "imi", "ymi", "ych", "owi", "iem", "iom", "iow",
        "ow", "om", "em", "ej", "ie", "ia", "iu", "ii", "ym", "im", "mi",
        "a", "e", "i", "o", "u", "y",
    ];

    // Russian and Ukrainian noun/adjective/verb endings.
    private static readonly string[] CyrillicSuffixes =
    [
        "ованием", "ования", "ование", "ування", "ованія",
        "ировать", "ировал", "ювати", "увати", "овать", "ювать",
        "ами", "ями", "ого", "ему", "ому", "ими", "ыми", "ого", "ими", "ова", "ові", "еві",
        "ать", "ять", "ить", "ати", "яти", "ити", "ться", "тися",
        "ах", "ях", "ов", "ев", "ей", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ую", "юю", "ом", "ем", "ам", "ям", "ів", "їв", "ою", "ею", "ії", "ій", "ия", "ие", "ию",
        "а", "я", "о", "е", "и", "ы", "у", "ю", "і", "ї", "ь", "й", "є",
    ];

    private const int MinStemLength = 3;

    public static int Stem(char[] buffer, int length)
    {
        if (length <= MinStemLength + 1)
        {
            return length;
        }

        var suffixes = buffer[0] >= '\u0400' && buffer[0] <= '\u04FF' ? CyrillicSuffixes : LatinSuffixes;
        foreach (var suffix in suffixes)
        {
            if (length - suffix.Length >= MinStemLength && EndsWith(buffer, length, suffix))
            {
                return length - suffix.Length;
            }
        }

        return length;
    }

    private static bool EndsWith(char[] buffer, int length, string suffix)
    {
        var start = length - suffix.Length;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (buffer[start + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }
}

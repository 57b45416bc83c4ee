using System.Text;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// Spells a Cyrillic word the Polish way, as Ukrainians and Russians write Polish office words they
/// heard: "мельдунек" → "meldunek", "песель" → "pesel", "карта побиту" → "karta pobytu",
/// "староство" → "starostwo". The result is matched against the folded Polish fields, so Polish
/// letters need not come out exactly ("ж" → "ż" folds to "z" like the card's own "ż").
/// </summary>
public static class CyrillicToPolish
{
    public static bool HasCyrillic(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word in Polish spelling by Ukrainian (default) or Russian rules; letters of no Cyrillic are kept.</summary>
    public static string Transliterate(string word, Language language)
    {
        var russian = language == Language.Ru;
        var text = word.ToLowerInvariant();
        var output = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var afterConsonant = i > 0 && IsConsonant(text[i - 1]);
            switch (c)
            {
                case 'а': output.Append('a'); break;
                case 'б': output.Append('b'); break;
                case 'в': output.Append('w'); break;
                case 'г': output.Append(russian ? 'g' : 'h'); break;
                case 'ґ': output.Append('g'); break;
                case 'д': output.Append('d'); break;
                case 'е': output.Append(russian && !afterConsonant ? "je" : "e"); break;
                case 'ё': output.Append(afterConsonant ? "io" : "jo"); break;
                case 'є': output.Append(afterConsonant ? "ie" : "je"); break;
                case 'ж': output.Append('ż'); break;
                case 'з': output.Append('z'); break;
                case 'и': output.Append(russian ? 'i' : 'y'); break;
                case 'і': output.Append('i'); break;
                case 'ї': output.Append("ji"); break;
                case 'й': output.Append('j'); break;
                case 'к': output.Append('k'); break;
                // A soft "л" before a consonant or at the end is Polish "l"; Polish "ł" is written "л" too,
                // and folding "ł" gives "l", so one letter serves both.
                case 'л': output.Append('l'); break;
                case 'м': output.Append('m'); break;
                case 'н': output.Append('n'); break;
                case 'о': output.Append('o'); break;
                case 'п': output.Append('p'); break;
                case 'р': output.Append('r'); break;
                case 'с': output.Append('s'); break;
                case 'т': output.Append('t'); break;
                case 'у': output.Append('u'); break;
                case 'ф': output.Append('f'); break;
                case 'х': output.Append("ch"); break;
                case 'ц': output.Append('c'); break;
                case 'ч': output.Append("cz"); break;
                case 'ш': output.Append("sz"); break;
                case 'щ': output.Append(russian ? "szcz" : "szcz"); break;
                case 'ы': output.Append('y'); break;
                case 'э': output.Append('e'); break;
                case 'ю': output.Append(afterConsonant ? "iu" : "ju"); break;
                case 'я': output.Append(afterConsonant ? "ia" : "ja"); break;
                // The soft sign softens the consonant before it: before a vowel Polish writes "i" ("ьо" → "io"),
                // elsewhere nothing ("мельдунек" → "meldunek", "песель" → "pesel").
                case 'ь': if (IsVowel(next)) { output.Append('i'); } break;
                case 'ъ':
                case '\'':
                case '’':
                case 'ʼ':
                    break;
                default: output.Append(c); break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// The word's Polish spelling (first) and the spellings of Polish sounds that Cyrillic writes as they
    /// are heard: "rz" heard as "ж" or, after a voiceless consonant, "ш" ("пшеглёнд" → "przegląd"),
    /// "ó" heard as "у" ("воєвудзтво" → "województwo"), the nasal "ą"/"ę" heard as "он"/"ен" before a
    /// consonant ("ужонд" → "urząd"), and "ś" heard as "ш" ("зашвядченє" → "zaświadczenie"). Each kind is
    /// applied to the whole word or not at all, so a word has at most sixteen spellings.
    /// </summary>
    public static IReadOnlyList<string> Spellings(string word, Language language)
    {
        var text = word.ToLowerInvariant();
        var spellings = new List<string> { Transliterate(text, language) };
        for (var kinds = 1; kinds < 1 << SoundRules.Length; kinds++)
        {
            var variant = text;
            for (var rule = 0; rule < SoundRules.Length; rule++)
            {
                if ((kinds & (1 << rule)) != 0)
                {
                    variant = SoundRules[rule](variant);
                }
            }

            if (variant != text && Transliterate(variant, language) is var spelling && !spellings.Contains(spelling))
            {
                spellings.Add(spelling);
            }
        }

        return spellings;
    }

    // Each rule rewrites the Cyrillic word into the Cyrillic letters whose Polish spelling is the sound's
    // Polish letter ("рз" → "rz", "о" → "o" for "ó", "а"/"е" for the folded "ą"/"ę", "с" for the folded "ś").
    private static readonly Func<string, string>[] SoundRules =
    [
        word => ReplaceWhere(word, (w, i) => w[i] == 'ж' || (w[i] == 'ш' && i > 0 && "пткхф".Contains(w[i - 1])), "рз"),
        word => ReplaceWhere(word, (w, i) => w[i] == 'у' && i > 0, "о"),
        Nasals,
        word => ReplaceWhere(word, (w, i) => w[i] == 'ш' && !(i > 0 && "пткхф".Contains(w[i - 1])), "с"),
    ];

    private static string ReplaceWhere(string word, Func<string, int, bool> where, string replacement)
    {
        var output = new StringBuilder(word.Length + 4);
        for (var i = 0; i < word.Length; i++)
        {
            output.Append(where(word, i) ? replacement : word[i].ToString());
        }

        return output.ToString();
    }

    // "он", "ом", "ён" before a consonant are Polish "ą" (folded "a"); "ен", "ем", "єн" are "ę" (folded "e").
    private static string Nasals(string word)
    {
        var output = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var nasalBeforeConsonant = i + 2 < word.Length && word[i + 1] is 'н' or 'м' && IsConsonant(word[i + 2]);
            if (nasalBeforeConsonant && c is 'о' or 'ё')
            {
                output.Append('а');
                i++;
            }
            else if (nasalBeforeConsonant && c is 'е' or 'є')
            {
                output.Append('е');
                i++;
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }

    private static bool IsVowel(char c) => "аеёєиіїоуыэюя".Contains(c);

    private static bool IsConsonant(char c) => c is >= 'а' and <= 'я' or 'і' or 'ї' or 'є' or 'ґ' && !IsVowel(c) && c is not ('ь' or 'ъ' or 'й');
}

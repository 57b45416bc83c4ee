using System.Text;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.KnowledgeBase.Search.Morphology;

/// <summary>
/// Forms typed without Polish letters or capitals ("zarejestrowac", "niemczech", "samochod") mapped to
/// their lemmas ("zarejestrować", "Niemcy", "samochód"). Morfologik only knows forms as written, and
/// residents often type without Polish letters. The full map would hold millions of forms, so it keeps
/// only lemmas the index contains: a lemma the index lacks cannot match anything. It is computed when a
/// generation is built and stored beside it (tens of thousands of lines), so opening an index reads a
/// small file instead of walking the whole dictionary. Read-only; safe to share between threads.
/// </summary>
public sealed class FoldedLemmaMap
{
    public const string FileName = "folded-lemmas.tsv";

    private readonly Dictionary<string, string[]> lemmas;

    private FoldedLemmaMap(Dictionary<string, string[]> lemmas) => this.lemmas = lemmas;

    public int Count => lemmas.Count;

    /// <summary>The lemmas of a folded, lower-cased form; empty when none of them is in the index.</summary>
    public IReadOnlyList<string> Lemmas(string foldedForm) => lemmas.TryGetValue(foldedForm, out var found) ? found : [];

    /// <summary>
    /// Walks every (form, lemma) pair of the dictionary and keeps those whose folded lemma is one of
    /// <paramref name="indexTerms"/> and whose form changes when folded (forms that do not change are
    /// found in the dictionary as typed).
    /// </summary>
    public static FoldedLemmaMap Build(MorfologikDictionary dictionary, IReadOnlySet<string> indexTerms)
    {
        var terms = new HashSet<string>(indexTerms, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var kept = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lemmaChars = new char[1024];
        var foldedChars = new char[1024];
        dictionary.ForEachEntry((form, lemma) =>
        {
            if (!ChangesWhenFolded(form) || lemma.Length > 256 || form.Length > 256)
            {
                return;
            }

            var lemmaLength = Encoding.UTF8.GetChars(lemma, lemmaChars);
            if (!terms.Contains(Fold(lemmaChars.AsSpan(0, lemmaLength), foldedChars)))
            {
                return;
            }

            var lemmaText = new string(lemmaChars, 0, lemmaLength);
            lemmaText = pool.TryGetValue(lemmaText, out var pooled) ? pooled : pool[lemmaText] = lemmaText;
            var key = TextFolding.Fold(Encoding.UTF8.GetString(form));
            if (!kept.TryGetValue(key, out var list))
            {
                kept[key] = list = new List<string>(1);
            }

            if (!list.Contains(lemmaText))
            {
                list.Add(lemmaText);
            }
        });
        return new FoldedLemmaMap(kept.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    public void Save(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var (form, forms) in lemmas.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write(form);
            foreach (var lemma in forms)
            {
                writer.Write('\t');
                writer.Write(lemma);
            }

            writer.Write('\n');
        }
    }

    public static FoldedLemmaMap Load(string path)
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2)
            {
                continue;
            }

            var forms = new string[parts.Length - 1];
            for (var i = 1; i < parts.Length; i++)
            {
                forms[i - 1] = pool.TryGetValue(parts[i], out var pooled) ? pooled : pool[parts[i]] = parts[i];
            }

            map[parts[0]] = forms;
        }

        return new FoldedLemmaMap(map);
    }

    // A form changes when folded if it has a capital or a byte beyond ASCII (every Polish letter is one).
    private static bool ChangesWhenFolded(ReadOnlySpan<byte> form)
    {
        foreach (var b in form)
        {
            if (b >= 0x80 || (b >= 'A' && b <= 'Z'))
            {
                return true;
            }
        }

        return false;
    }

    // The folding of TextFolding.Fold without allocating, for the millions of lemmas walked; only the
    // rare letters outside Polish and ASCII take the allocating path.
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, char[] output)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = char.ToLowerInvariant(word[i]);
            var folded = c switch
            {
                'ą' => 'a', 'ć' => 'c', 'ę' => 'e', 'ł' => 'l', 'ń' => 'n', 'ó' => 'o', 'ś' => 's', 'ź' => 'z', 'ż' => 'z',
                < (char)0x80 => c,
                _ => '\0',
            };
            if (folded == '\0')
            {
                return TextFolding.Fold(new string(word));
            }

            output[i] = folded;
        }

        return output.AsSpan(0, word.Length);
    }
}

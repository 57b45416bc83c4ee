using System.Collections.Concurrent;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.KnowledgeBase.Search.Morphology;

/// <summary>
/// The stems the Polish analyzer gives a word, from the stemmers the setting names: the union of their
/// answers ('+') or the answer of the first that knows the word ('&gt;'); the word itself when none does.
/// Lemmas are lower-cased here and folded later in the chain, like Hunspell's stems. Thread-safe; a word's
/// stems are remembered (bounded), since office texts and questions repeat the same words.
/// </summary>
public sealed class PolishMorphology
{
    private const int MaxCachedWords = 200_000;

    private readonly PolishMorphologySetting setting;
    private readonly HunspellStemCache hunspell;
    private readonly PolishMorphologyData data;
    private readonly FoldedLemmaMap? folded;
    private readonly ConcurrentDictionary<string, string[]> cache = new(StringComparer.Ordinal);

    /// <param name="folded">Forms typed without Polish letters; null while the index that decides which to keep is being built.</param>
    public PolishMorphology(PolishMorphologyData data, HunspellStemCache hunspell, FoldedLemmaMap? folded)
    {
        ArgumentNullException.ThrowIfNull(data);
        setting = data.Setting;
        this.data = data;
        this.hunspell = hunspell;
        this.folded = folded;
    }

    public PolishMorphologySetting Setting => setting;

    public FoldedLemmaMap? Folded => folded;

    /// <summary>The stems of a lower-cased word (never empty).</summary>
    public string[] Stems(string word)
    {
        if (cache.TryGetValue(word, out var known))
        {
            return known;
        }

        var stems = new List<string>(4);
        foreach (var stemmer in setting.Stemmers)
        {
            var before = stems.Count;
            Add(stemmer, word, stems);
            if (setting.FirstThatKnows && stems.Count > before)
            {
                break;
            }
        }

        var result = stems.Count == 0 ? [word] : stems.ToArray();
        if (cache.Count < MaxCachedWords)
        {
            cache.TryAdd(word, result);
        }

        return result;
    }

    /// <summary>Morfologik's lemmas of a lower-cased word, lower-cased: as typed, and through the folded map.</summary>
    public IReadOnlyList<string> MorfologikLemmas(string word)
    {
        var lemmas = new List<string>();
        AddMorfologik(word, lemmas);
        return lemmas;
    }

    private void Add(PolishStemmer stemmer, string word, List<string> stems)
    {
        switch (stemmer)
        {
            case PolishStemmer.Hunspell:
                foreach (var stem in hunspell.Known(word))
                {
                    AddOnce(stems, stem);
                }

                break;
            case PolishStemmer.Stempel:
                if (data.Stempel?.Stem(word) is { } stemmed)
                {
                    AddOnce(stems, stemmed);
                }

                break;
            case PolishStemmer.Morfologik:
                AddMorfologik(word, stems);
                break;
        }
    }

    private void AddMorfologik(string word, List<string> stems)
    {
        if (data.Morfologik is null)
        {
            return;
        }

        var found = false;
        foreach (var lemma in data.Morfologik.Lemmas(word))
        {
            AddOnce(stems, lemma.ToLowerInvariant());
            found = true;
        }

        // The analyzer has lower-cased the word; names are in the dictionary capitalised, and a name's
        // form may also be a common word ("niemiec": a German, and the genitive of "Niemcy"): both count.
        if (word.Length > 0 && char.IsLower(word[0]))
        {
            foreach (var lemma in data.Morfologik.Lemmas(char.ToUpperInvariant(word[0]) + word[1..]))
            {
                AddOnce(stems, lemma.ToLowerInvariant());
                found = true;
            }
        }

        // A word typed in plain letters may be a folded form of other words too ("sad": "sad" and "sąd"),
        // and one the dictionary lacks as typed may be a capitalised name ("niemczech": "Niemcy").
        if (folded is not null && (!found || IsAscii(word)))
        {
            foreach (var lemma in folded.Lemmas(TextFolding.Fold(word)))
            {
                AddOnce(stems, lemma.ToLowerInvariant());
            }
        }
    }

    private static bool IsAscii(string word)
    {
        foreach (var c in word)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private static void AddOnce(List<string> stems, string stem)
    {
        if (!stems.Contains(stem))
        {
            stems.Add(stem);
        }
    }
}

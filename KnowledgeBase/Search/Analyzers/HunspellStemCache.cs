using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// Remembers Hunspell's stems per word. Hunspell tries every affix rule on every token, which made
/// stemming the single largest cost of both indexing and query analysis; office texts repeat the
/// same few thousand words, so after warm-up nearly every token is a dictionary lookup. Thread-safe;
/// stops growing at <see cref="MaxEntries"/> so that a flood of invented words cannot exhaust memory.
/// </summary>
public sealed class HunspellStemCache : IDisposable
{
    private const int MaxEntries = 500_000;
    private readonly ConcurrentDictionary<string, string[]> stems = new(StringComparer.Ordinal);
    private readonly Analyzer stemmer;

    public HunspellStemCache(Dictionary dictionary)
    {
        stemmer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new KeywordTokenizer(reader);
            return new TokenStreamComponents(source, new HunspellStemFilter(source, dictionary, dedup: true, longestOnly: false));
        });
    }

    /// <summary>The stems of a lower-cased word; the word itself when Hunspell does not know it.</summary>
    public string[] Stems(string word)
    {
        var known = Known(word);
        return known.Length == 0 ? [word] : known;
    }

    /// <summary>The stems of a lower-cased word; empty when Hunspell does not know it.</summary>
    public string[] Known(string word)
    {
        if (stems.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var computed = AnalyzerSet.Terms(stemmer, word).ToArray();
        if (stems.Count < MaxEntries)
        {
            stems.TryAdd(word, computed);
        }

        return computed;
    }

    public void Dispose() => stemmer.Dispose();
}

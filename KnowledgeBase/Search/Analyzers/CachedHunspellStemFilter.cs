using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

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
        if (stems.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var computed = AnalyzerSet.Terms(stemmer, word).ToArray();
        if (computed.Length == 0)
        {
            computed = [word];
        }

        if (stems.Count < MaxEntries)
        {
            stems.TryAdd(word, computed);
        }

        return computed;
    }

    public void Dispose() => stemmer.Dispose();
}

/// <summary>Stems each token through a <see cref="HunspellStemCache"/>; extra stems go at the same position.</summary>
internal sealed class CachedHunspellStemFilter : TokenFilter
{
    private readonly HunspellStemCache cache;
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute position;
    private readonly IKeywordAttribute keyword;
    private readonly Queue<string> pending = new();
    private State? saved;

    public CachedHunspellStemFilter(TokenStream input, HunspellStemCache cache) : base(input)
    {
        this.cache = cache;
        term = AddAttribute<ICharTermAttribute>();
        position = AddAttribute<IPositionIncrementAttribute>();
        keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pending.Count > 0)
        {
            RestoreState(saved);
            term.SetEmpty().Append(pending.Dequeue());
            position.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (keyword.IsKeyword)
        {
            return true;
        }

        var stems = cache.Stems(term.ToString());
        term.SetEmpty().Append(stems[0]);
        if (stems.Length > 1)
        {
            for (var i = 1; i < stems.Length; i++)
            {
                pending.Enqueue(stems[i]);
            }

            saved = CaptureState();
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        pending.Clear();
        saved = null;
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// Replaces each token by its stems from a (caching) stem source; extra stems go at the same position.
/// Tokens marked as keywords (the office vocabulary's lemmas) pass unchanged.
/// </summary>
internal sealed class CachedStemFilter : TokenFilter
{
    private readonly Func<string, string[]> stems;
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute position;
    private readonly IKeywordAttribute keyword;
    private readonly Queue<string> pending = new();
    private State? saved;

    /// <param name="stems">The stems of a lower-cased word, never empty (the word itself when it is unknown).</param>
    public CachedStemFilter(TokenStream input, Func<string, string[]> stems) : base(input)
    {
        this.stems = stems;
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

        var found = stems(term.ToString());
        term.SetEmpty().Append(found[0]);
        if (found.Length > 1)
        {
            for (var i = 1; i < found.Length; i++)
            {
                pending.Enqueue(found[i]);
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

using Asystent.KnowledgeBase.Search.Scoring;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// A resident's question as a Lucene query, keeping each of their own words' clauses apart, so that
/// the searcher can tell how much of the question the first card covers.
/// </summary>
/// <param name="ContentWords">Words that carry meaning (not stop words), whether or not any card holds them.</param>
/// <param name="OwnWords">The clauses of the content words some card holds.</param>
/// <param name="Expansions">For each synonym rule the question triggered, the clauses of the office words it adds.</param>
internal sealed record CardQuery(
    Query Query,
    int ContentWords,
    IReadOnlyList<DisjunctionMaxQuery> OwnWords,
    IReadOnlyList<IReadOnlyList<DisjunctionMaxQuery>> Expansions)
{
    /// <summary>
    /// The share of the question's content words that the card (<paramref name="doc"/>) holds, directly,
    /// through a typo correction or a transliteration, or through a synonym rule they triggered.
    /// </summary>
    public double CoverageOf(IndexReader reader, int doc)
    {
        if (ContentWords == 0)
        {
            return 0;
        }

        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var local = doc - leaf.DocBase;
        bool Holds(DisjunctionMaxQuery clause) => clause.Disjuncts.OfType<PostingsTermQuery>().Any(t => t.Holds(leaf.Ord, local));

        var matched = OwnWords.Count(Holds) + Expansions.Count(e => e.Count > 0 && e.Any(Holds));
        return Math.Min(1.0, matched / (double)ContentWords);
    }
}

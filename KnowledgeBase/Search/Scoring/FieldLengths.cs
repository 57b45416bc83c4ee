using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Asystent.KnowledgeBase.Search.Scoring;

/// <summary>
/// BM25's length factor of one field for every card, per index segment: how much a match counts
/// against the field's length compared with the average (a word in a short title weighs more than
/// the same word in a long body). Read once per generation from the norms the index was written with.
/// </summary>
internal sealed class FieldLengths
{
    private readonly float[][] factors;

    private FieldLengths(float[][] factors) => this.factors = factors;

    /// <summary>The length factor of document <paramref name="doc"/> of segment <paramref name="leaf"/>.</summary>
    public float Of(int leaf, int doc) => factors[leaf][doc];

    /// <summary>Reads the field's norms; <paramref name="statistics"/> are the searcher's for the field, as BM25 gets them.</summary>
    public static FieldLengths Read(IndexReader reader, string field, CollectionStatistics statistics, CardSimilarity similarity)
    {
        var table = similarity.LengthFactors(statistics);
        var leaves = reader.Leaves;
        var factors = new float[leaves.Count][];
        foreach (var leaf in leaves)
        {
            var norms = leaf.AtomicReader.GetNormValues(field);
            var perDoc = new float[leaf.AtomicReader.MaxDoc];
            for (var doc = 0; doc < perDoc.Length; doc++)
            {
                // Without norms BM25 treats every document as of average length.
                perDoc[doc] = norms is null ? similarity.K1 : table[(byte)norms.Get(doc)];
            }

            factors[leaf.Ord] = perDoc;
        }

        return new FieldLengths(factors);
    }
}

using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Asystent.KnowledgeBase.Search.Scoring;

/// <summary>
/// BM25, which suits short fields of very different lengths (a title against a list of documents).
/// The index is written with it (its norms); <see cref="PostingsTermQuery"/> scores with the same
/// formula from figures computed once per index generation instead of once per search.
/// </summary>
internal sealed class CardSimilarity() : BM25Similarity(Saturation, LengthWeight)
{
    /// <summary>BM25's k1: how quickly repeating a word stops adding to the score.</summary>
    public const float Saturation = 1.2f;

    /// <summary>BM25's b: how much a long field is penalised.</summary>
    public const float LengthWeight = 0.6f;

    /// <summary>BM25's inverse document frequency of a term found in <paramref name="docFreq"/> of <paramref name="maxDoc"/> cards.</summary>
    public float InverseDocumentFrequency(long docFreq, long maxDoc) => Idf(docFreq, maxDoc);

    /// <summary>
    /// The length part of BM25's denominator, k1·((1 − b) + b·length/average), for each of the 256
    /// encoded lengths a norm byte can hold: the same table Lucene's BM25 builds for every term of every search.
    /// </summary>
    public float[] LengthFactors(CollectionStatistics field)
    {
        var average = AvgFieldLength(field);
        var factors = new float[256];
        for (var norm = 0; norm < factors.Length; norm++)
        {
            factors[norm] = K1 * ((1 - B) + B * DecodeNormValue((byte)norm) / average);
        }

        return factors;
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Asystent.KnowledgeBase.Search.Scoring;

/// <summary>
/// One term's postings (cards and how often the term occurs in each) and its BM25 figures, read once
/// per index generation. A generation never changes, so searches on every thread share them.
/// Arrays are per index segment (a built index has one).
/// </summary>
internal sealed class TermPostings
{
    private TermPostings(Term term, int[][] documents, int[][] frequencies, float inverseDocumentFrequency, FieldLengths lengths)
    {
        Term = term;
        Documents = documents;
        Frequencies = frequencies;
        InverseDocumentFrequency = inverseDocumentFrequency;
        Lengths = lengths;
    }

    public Term Term { get; }
    public int[][] Documents { get; }
    public int[][] Frequencies { get; }
    public float InverseDocumentFrequency { get; }
    public FieldLengths Lengths { get; }

    /// <summary>How many postings this holds, for bounding the memory they take.</summary>
    public int Count => Documents.Sum(d => d.Length);

    /// <summary>Reads the term's postings; null when no card holds it.</summary>
    public static TermPostings? Read(IndexReader reader, Term term, FieldLengths lengths, CardSimilarity similarity)
    {
        var leaves = reader.Leaves;
        var documents = new int[leaves.Count][];
        var frequencies = new int[leaves.Count][];
        var docFreq = 0;
        foreach (var leaf in leaves)
        {
            var (docs, freqs) = ReadLeaf(leaf.AtomicReader, term);
            documents[leaf.Ord] = docs;
            frequencies[leaf.Ord] = freqs;
            docFreq += docs.Length;
        }

        return docFreq == 0
            ? null
            : new TermPostings(term, documents, frequencies, similarity.InverseDocumentFrequency(docFreq, reader.MaxDoc), lengths);
    }

    private static (int[] Docs, int[] Freqs) ReadLeaf(AtomicReader reader, Term term)
    {
        var postings = reader.GetTermDocsEnum(term);
        if (postings is null)
        {
            return ([], []);
        }

        var docs = new List<int>();
        var freqs = new List<int>();
        while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            docs.Add(postings.DocID);
            freqs.Add(postings.Freq);
        }

        return (docs.ToArray(), freqs.ToArray());
    }
}

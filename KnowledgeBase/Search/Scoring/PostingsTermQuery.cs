using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Asystent.KnowledgeBase.Search.Scoring;

/// <summary>
/// A term query scored exactly like Lucene's <see cref="TermQuery"/> under <see cref="CardSimilarity"/>,
/// but from postings read once per index generation. Lucene's own term query builds a 256-entry
/// BM25 table, a terms enumerator and a postings reader with its block buffers for every term of
/// every search: with a few dozen terms per question that was most of what a chat turn allocated.
/// </summary>
internal sealed class PostingsTermQuery(TermPostings postings) : Query
{
    public Term Term => postings.Term;

    /// <summary>Whether the card <paramref name="doc"/> of segment <paramref name="leaf"/> holds the term (postings are in document order).</summary>
    public bool Holds(int leaf, int doc) => Array.BinarySearch(postings.Documents[leaf], doc) >= 0;

    public override Weight CreateWeight(IndexSearcher searcher) => new PostingsWeight(this, postings);

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(postings.Term);

    public override string ToString(string field) =>
        (postings.Term.Field == field ? postings.Term.Text : postings.Term.ToString()) + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is PostingsTermQuery other && other.Boost == Boost && other.Term.Equals(Term);

    public override int GetHashCode() => HashCode.Combine(Term, Boost);

    private sealed class PostingsWeight(PostingsTermQuery query, TermPostings postings) : Weight
    {
        private float scale;

        public override Query Query => query;

        // BM25 ignores the query norm; like Lucene's BM25 it only keeps the enclosing queries' boost.
        public override float GetValueForNormalization()
        {
            var weight = postings.InverseDocumentFrequency * query.Boost;
            return weight * weight;
        }

        public override void Normalize(float norm, float topLevelBoost) =>
            scale = postings.InverseDocumentFrequency * query.Boost * topLevelBoost * (CardSimilarity.Saturation + 1);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var docs = postings.Documents[context.Ord];
            return docs.Length == 0 ? null : new PostingsScorer(this, context.Ord, docs, postings.Frequencies[context.Ord], postings.Lengths, scale, acceptDocs);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is not null && scorer.Advance(doc) == doc)
            {
                return new Explanation(scorer.GetScore(), $"BM25 of {postings.Term} (freq {scorer.Freq}, idf {postings.InverseDocumentFrequency})");
            }

            return new Explanation(0f, "no matching term");
        }
    }

    private sealed class PostingsScorer(Weight weight, int leaf, int[] docs, int[] freqs, FieldLengths lengths, float scale, IBits? acceptDocs) : Scorer(weight)
    {
        private int position = -1;
        private int doc = -1;

        public override int DocID => doc;

        public override int Freq => freqs[position];

        public override float GetScore()
        {
            float freq = freqs[position];
            return scale * freq / (freq + lengths.Of(leaf, doc));
        }

        public override int NextDoc()
        {
            while (++position < docs.Length)
            {
                if (acceptDocs is null || acceptDocs.Get(docs[position]))
                {
                    return doc = docs[position];
                }
            }

            return doc = NO_MORE_DOCS;
        }

        public override int Advance(int target)
        {
            if (doc == NO_MORE_DOCS)
            {
                return doc;
            }

            // Postings are sorted: skip to the first document at or after the target.
            var start = position + 1;
            var found = Array.BinarySearch(docs, start, docs.Length - start, target);
            position = (found >= 0 ? found : ~found) - 1;
            return NextDoc();
        }

        public override long GetCost() => docs.Length;
    }
}

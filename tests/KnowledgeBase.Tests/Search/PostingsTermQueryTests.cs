using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Scoring;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Asystent.KnowledgeBase.Tests.Search;

/// <summary>The cached-postings term query must rank and score exactly as Lucene's own term query under BM25.</summary>
public sealed class PostingsTermQueryTests(KnowledgeBaseFixture kb)
{
    private static readonly string[] Fields = [SearchFields.Title(Language.Pl), SearchFields.Body(Language.Uk), SearchFields.LightHead, SearchFields.LightText];

    [Fact]
    public void ScoresEveryTermOfEveryField_AsLuceneTermQueryDoes()
    {
        var compared = 0;
        foreach (var field in Fields)
        {
            foreach (var text in TermsOf(field).Take(60))
            {
                var term = new Term(field, text);
                var postings = kb.Index.Postings(field, text)!;
                AssertSameHits(new TermQuery(term) { Boost = 2.5f }, new PostingsTermQuery(postings) { Boost = 2.5f });
                compared++;
            }
        }

        Assert.True(compared >= 200, $"only {compared} terms compared");
    }

    [Fact]
    public void ScoresCombinedQueries_IncludingRequiredClausesThatSkipAhead()
    {
        // A MUST clause makes the scorers advance to each other's documents instead of stepping through.
        var light = TermsOf(SearchFields.LightText).Take(40).ToList();
        for (var i = 0; i + 1 < light.Count; i += 2)
        {
            var first = new Term(SearchFields.LightText, light[i]);
            var second = new Term(SearchFields.LightText, light[i + 1]);
            var lucene = new BooleanQuery { { new TermQuery(first), Occur.MUST }, { new DisjunctionMaxQuery(0.1f) { new TermQuery(second), new TermQuery(first) { Boost = 0.5f } }, Occur.SHOULD } };
            var cached = new BooleanQuery { { new PostingsTermQuery(kb.Index.Postings(first.Field, first.Text)!), Occur.MUST }, { new DisjunctionMaxQuery(0.1f) { new PostingsTermQuery(kb.Index.Postings(second.Field, second.Text)!), new PostingsTermQuery(kb.Index.Postings(first.Field, first.Text)!) { Boost = 0.5f } }, Occur.SHOULD } };
            AssertSameHits(lucene, cached);
        }
    }

    [Fact]
    public void Postings_AreNullForATermNoCardHolds() =>
        Assert.Null(kb.Index.Postings(SearchFields.LightText, "zzzqqq"));

    private void AssertSameHits(Query expected, Query actual)
    {
        var want = kb.Index.Searcher.Search(expected, 1000).ScoreDocs;
        var got = kb.Index.Searcher.Search(actual, 1000).ScoreDocs;
        Assert.Equal(want.Select(d => d.Doc), got.Select(d => d.Doc));
        foreach (var (w, g) in want.Zip(got))
        {
            Assert.Equal(w.Score, g.Score, 4);
        }
    }

    private IEnumerable<string> TermsOf(string field)
    {
        var terms = MultiFields.GetTerms(kb.Index.Reader, field);
        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            yield return iterator.Term.Utf8ToString();
        }
    }
}

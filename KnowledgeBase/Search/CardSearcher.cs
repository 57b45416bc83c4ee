using System.Runtime.CompilerServices;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Asystent.KnowledgeBase.Search;

/// <summary>Runs a search against one index generation and turns hits into answers in the asker's language.</summary>
internal static class CardSearcher
{
    private const int SnippetLength = 220;
    private static readonly char[] SnippetEnds = [',', ';', ' '];

    public static SearchResponse Search(CardIndex index, SearchRequest request)
    {
        var text = request.Query.Trim();
        var language = request.Language ?? index.Detector.Detect(text);
        var cardQuery = new CardQueryBuilder(index).Build(text, language);
        var query = cardQuery.Query;
        // Lucene 4.8 has no FILTER clause: a MUST clause with zero boost restricts without scoring.
        Query filtered = query;
        if (request.Unit is not null || request.Kind is not null)
        {
            var filter = new BooleanQuery { { query, Occur.MUST } };
            if (request.Unit is { } unit)
            {
                filter.Add(new TermQuery(new Term(SearchFields.Unit, unit)) { Boost = 0 }, Occur.MUST);
            }

            if (request.Kind is { } kind)
            {
                filter.Add(new TermQuery(new Term(SearchFields.Kind, kind.ToString().ToLowerInvariant())) { Boost = 0 }, Occur.MUST);
            }

            filtered = filter;
        }

        // Collected in document order: Lucene's out-of-order scorer for disjunctions allocates a table
        // of 2,048 buckets per search, which was a third of everything a chat turn allocated.
        var collector = TopScoreDocCollector.Create(Math.Clamp(request.Top, 1, SearchRequest.MaxTop), docsScoredInOrder: true);
        index.Searcher.Search(filtered, collector);
        var top = collector.GetTopDocs();
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (var scoreDoc in top.ScoreDocs)
        {
            if (index.Catalogue.Find(index.CardIdOf(scoreDoc.Doc)) is { } card)
            {
                hits.Add(ToHit(card, index.Catalogue, language, scoreDoc.Score));
            }
        }

        var coverage = top.ScoreDocs.Length > 0 ? cardQuery.CoverageOf(index.Searcher.IndexReader, top.ScoreDocs[0].Doc) : 0;
        var answerable = top.ScoreDocs.Length > 0 && AnswerJudgement.Answers(top.ScoreDocs[0].Score, coverage, cardQuery.ContentWords);
        return new SearchResponse(text, language, hits, answerable) { Coverage = coverage, ContentWords = cardQuery.ContentWords };
    }

    private static SearchHit ToHit(ServiceCard card, CardCatalogue catalogue, Language language, float score)
    {
        var unit = catalogue.UnitOf(card);
        return new SearchHit(card.Id, card.Title.Best(language), unit.Name.Best(language), unit.Code, card.Kind, score,
            Shorten(card.Summary.Best(language)));
    }

    // A summary's snippet is the same for every search that finds its card: made once per summary
    // (the table lets go of a catalogue's snippets with the catalogue).
    private static readonly ConditionalWeakTable<string, string> Snippets = [];

    private static string Shorten(string text)
    {
        if (text.Length <= SnippetLength)
        {
            return text;
        }

        return Snippets.GetValue(text, static text =>
        {
            var cut = text.LastIndexOf(' ', SnippetLength);
            return text[..(cut > 0 ? cut : SnippetLength)].TrimEnd(SnippetEnds) + "…";
        });
    }
}

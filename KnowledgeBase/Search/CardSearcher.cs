using System.Runtime.CompilerServices;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Asystent.KnowledgeBase.Search.Ranking;

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
        var wanted = Math.Clamp(request.Top, 1, SearchRequest.MaxTop);
        var fuse = index.Classifier is not null && request.Unit is null && request.Kind is null;
        var collector = TopScoreDocCollector.Create(fuse ? Math.Max(wanted, FusionDepth) : wanted, docsScoredInOrder: true);
        index.Searcher.Search(filtered, collector);
        var ranked = collector.GetTopDocs().ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
        float? probability = null;
        float? noCard = null;
        if (fuse && ranked.Count > 0)
        {
            (ranked, probability, noCard) = Fuse(index, text, ranked);
        }

        var hits = new List<SearchHit>(Math.Min(wanted, ranked.Count));
        foreach (var (doc, score) in ranked.Take(wanted))
        {
            if (index.Catalogue.Find(index.CardIdOf(doc)) is { } card)
            {
                hits.Add(ToHit(card, index.Catalogue, language, score));
            }
        }

        var coverage = ranked.Count > 0 ? cardQuery.CoverageOf(index.Searcher.IndexReader, ranked[0].Doc) : 0;
        var answerable = ranked.Count > 0
            && (AnswerJudgement.Answers(ranked[0].Score, coverage, cardQuery.ContentWords, probability, noCard, cardQuery.OwnWords.Count)
                || AnswerJudgement.Dominates(ranked[0].Score, ranked.Count > 1 ? ranked[1].Score : 0, coverage));
        return new SearchResponse(text, language, hits, answerable) { Coverage = coverage, ContentWords = cardQuery.ContentWords, KnownWords = cardQuery.OwnWords.Count, Probability = probability, NoCardProbability = noCard };
    }

    // How many of BM25's best cards the classifier may reorder; its weight is CardClassifier.Weight
    // (settable here only for the cross-validation that chooses it).
    internal const int FusionDepth = 10;
    internal static float ClassifierWeight { get; set; } = CardClassifier.Weight;

    /// <summary>
    /// BM25 relative to its best plus the classifier's probability; the classifier's own first cards
    /// join even when BM25 missed them. Scores stay on BM25's scale.
    /// </summary>
    private static (List<(int Doc, float Score)> Ranked, float FirstProbability, float NoCardProbability) Fuse(CardIndex index, string text, List<(int Doc, float Score)> lexical)
    {
        // The cards' probabilities share what "no card" leaves: a question's own words decide between
        // cards, not how much it also resembles small talk (cross-validated: +1.0 point top-1).
        var predicted = index.Classifier!.Predict(text);
        var noCard = predicted.NoCard;
        var rest = Math.Max(1 - noCard, 1e-3f);
        float Probability(string cardId) => predicted.Of(cardId) / rest;
        var best = lexical[0].Score;
        var candidates = lexical.ToDictionary(r => r.Doc, r => r.Score / best);
        foreach (var id in predicted.MostProbableCards(3))
        {
            candidates.TryAdd(index.DocOf(id), 0f);
        }

        var weight = ClassifierWeight;
        var fused = candidates
            .Select(c => (Doc: c.Key, Value: (1 - weight) * c.Value + weight * Probability(index.CardIdOf(c.Key))))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Doc)
            .ToList();
        // The first card keeps BM25's best score and the others their share of it, so that score
        // thresholds ("names the matter", "a close alternative") mean what they meant without fusion.
        var top = fused[0].Value;
        var ranked = fused.Select(c => (c.Doc, Score: top > 0 ? best * c.Value / top : 0f)).ToList();
        return (ranked, Probability(index.CardIdOf(ranked[0].Doc)), noCard);
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

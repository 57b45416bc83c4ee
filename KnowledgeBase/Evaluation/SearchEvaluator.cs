using Asystent.KnowledgeBase.Search;

namespace Asystent.KnowledgeBase.Evaluation;

/// <summary>One query's outcome under both systems, with what the answerable judgement saw.</summary>
public sealed record EvaluatedQuery(
    EvaluationQuery Query, int? Rank, int? BaselineRank, IReadOnlyList<string> TopIds,
    bool Answerable, float TopScore, double Coverage, int ContentWords, float? Probability, float? NoCardProbability, int KnownWords = 0);

/// <summary>How often the answerable judgement was right: true for questions a card answers, false for the others.</summary>
public sealed record AnswerableMetrics(int Answerable, double TrueWhenAnswerable, int Unanswerable, double FalseWhenUnanswerable);

public sealed record SearchEvaluationReport(
    IReadOnlyList<EvaluatedQuery> Queries,
    IReadOnlyDictionary<string, (RankingMetrics Assistant, RankingMetrics Baseline)> ByTag,
    RankingMetrics Overall,
    RankingMetrics BaselineOverall,
    AnswerableMetrics Answerable,
    IReadOnlyList<EvaluatedQuery> Unanswerable)
{
    /// <summary>Every query, answerable or not.</summary>
    public IReadOnlyList<EvaluatedQuery> AllQueries => [.. Queries, .. Unanswerable];
}

/// <summary>Runs an evaluation set through the assistant's search and through the baseline.</summary>
public static class SearchEvaluator
{
    /// <summary>
    /// Ranks the questions a card answers (the unanswerable ones have no rank) and checks the
    /// answerable judgement on all of them.
    /// </summary>
    public static SearchEvaluationReport Run(CardSearchService search, IReadOnlyList<EvaluationQuery> queries) =>
        Run(search.Search, search.Catalogue, queries);

    public static SearchEvaluationReport Run(Func<SearchRequest, SearchResponse> search, ServiceCards.CardCatalogue catalogue, IReadOnlyList<EvaluationQuery> queries)
    {
        using var baseline = new BaselineSearcher(catalogue);
        var all = queries.Select(q =>
        {
            var response = search(new SearchRequest(q.Query, null, RankingMetrics.Depth));
            var ids = response.Results.Select(r => r.Id).ToList();
            var baselineIds = q.Unanswerable ? [] : baseline.Search(q.Query, RankingMetrics.Depth);
            return new EvaluatedQuery(q, RankingMetrics.RankOf(ids, q.Expected), RankingMetrics.RankOf(baselineIds, q.Expected), ids,
                response.Answerable, response.Results.Count > 0 ? response.Results[0].Score : 0, response.Coverage, response.ContentWords, response.Probability, response.NoCardProbability, response.KnownWords);
        }).ToList();

        return Report(all);
    }

    /// <summary>The figures of queries already evaluated (the folds of a cross-validation put together).</summary>
    public static SearchEvaluationReport Report(IReadOnlyList<EvaluatedQuery> all)
    {
        var evaluated = all.Where(e => !e.Query.Unanswerable).ToList();
        var unanswerable = all.Where(e => e.Query.Unanswerable).ToList();
        var byTag = evaluated.SelectMany(e => e.Query.Tags.Select(t => (Tag: t, e)))
            .GroupBy(x => x.Tag)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (RankingMetrics.From(g.Select(x => x.e.Rank).ToList()), RankingMetrics.From(g.Select(x => x.e.BaselineRank).ToList())));
        return new SearchEvaluationReport(
            evaluated,
            byTag,
            RankingMetrics.From(evaluated.Select(e => e.Rank).ToList()),
            RankingMetrics.From(evaluated.Select(e => e.BaselineRank).ToList()),
            Judge(evaluated, unanswerable, e => e.Answerable),
            unanswerable);
    }

    /// <summary>How a judgement (the assistant's, or a candidate's while calibrating) does on both kinds of question.</summary>
    public static AnswerableMetrics Judge(IReadOnlyList<EvaluatedQuery> answerable, IReadOnlyList<EvaluatedQuery> unanswerable, Func<EvaluatedQuery, bool> judgement) =>
        new(answerable.Count,
            answerable.Count == 0 ? 0 : answerable.Count(judgement) / (double)answerable.Count,
            unanswerable.Count,
            unanswerable.Count == 0 ? 0 : unanswerable.Count(e => !judgement(e)) / (double)unanswerable.Count);
}

using Asystent.KnowledgeBase.Search;

namespace Asystent.KnowledgeBase.Evaluation;

/// <summary>One query's outcome under both systems, for the report and for listing misses.</summary>
public sealed record EvaluatedQuery(EvaluationQuery Query, int? Rank, int? BaselineRank, IReadOnlyList<string> TopIds);

public sealed record SearchEvaluationReport(
    IReadOnlyList<EvaluatedQuery> Queries,
    IReadOnlyDictionary<string, (RankingMetrics Assistant, RankingMetrics Baseline)> ByTag,
    RankingMetrics Overall,
    RankingMetrics BaselineOverall);

/// <summary>Runs the evaluation set through the assistant's search and through the baseline.</summary>
public static class SearchEvaluator
{
    public static SearchEvaluationReport Run(CardSearchService search, IReadOnlyList<EvaluationQuery> queries)
    {
        using var baseline = new BaselineSearcher(search.Catalogue);
        var evaluated = queries.Select(q =>
        {
            var ids = search.Search(new SearchRequest(q.Query, null, RankingMetrics.Depth)).Results.Select(r => r.Id).ToList();
            var baselineIds = baseline.Search(q.Query, RankingMetrics.Depth);
            return new EvaluatedQuery(q, RankingMetrics.RankOf(ids, q.Expected), RankingMetrics.RankOf(baselineIds, q.Expected), ids);
        }).ToList();

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
            RankingMetrics.From(evaluated.Select(e => e.BaselineRank).ToList()));
    }
}

namespace Asystent.KnowledgeBase.Evaluation;

/// <summary>Top-1, top-3 and mean reciprocal rank (over the first 10 results) of a group of queries.</summary>
public sealed record RankingMetrics(int Count, double Top1, double Top3, double Mrr)
{
    public const int Depth = 10;

    /// <summary>Ranks are 1-based positions of the first right card, or null when none was in the first <see cref="Depth"/>.</summary>
    public static RankingMetrics From(IReadOnlyCollection<int?> ranks) => ranks.Count == 0
        ? new RankingMetrics(0, 0, 0, 0)
        : new RankingMetrics(
            ranks.Count,
            ranks.Count(r => r == 1) / (double)ranks.Count,
            ranks.Count(r => r <= 3) / (double)ranks.Count,
            ranks.Sum(r => r is { } rank ? 1.0 / rank : 0) / ranks.Count);

    public static int? RankOf(IReadOnlyList<string> resultIds, IReadOnlyList<string> expected)
    {
        for (var i = 0; i < resultIds.Count && i < Depth; i++)
        {
            if (expected.Contains(resultIds[i]))
            {
                return i + 1;
            }
        }

        return null;
    }
}

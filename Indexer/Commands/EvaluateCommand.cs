using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Evaluation;
using Asystent.KnowledgeBase.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

internal static class EvaluateCommand
{
    public static int Run(IServiceProvider services, string[] args, TextWriter output)
    {
        var options = services.GetRequiredService<KnowledgeBaseOptions>();
        var showMisses = args.Contains("--misses");
        var queries = EvaluationSet.Load(Path.Combine(options.EvaluationPath, EvaluationSet.SearchQueriesFile));
        services.GetRequiredService<IndexMaintenance>().EnsureReady();
        var report = SearchEvaluator.Run(services.GetRequiredService<CardSearchService>(), queries);

        output.WriteLine($"Search evaluation: {queries.Count} queries, {services.GetRequiredService<CardSearchService>().Catalogue.Cards.Count} cards");
        output.WriteLine();
        output.WriteLine("| tag | queries | top-1 | top-3 | MRR | baseline top-1 | baseline top-3 | baseline MRR |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (tag, (assistant, baseline)) in report.ByTag)
        {
            output.WriteLine(Row(tag, assistant, baseline));
        }

        output.WriteLine(Row("**all**", report.Overall, report.BaselineOverall));
        if (showMisses)
        {
            output.WriteLine();
            foreach (var miss in report.Queries.Where(q => q.Rank != 1))
            {
                output.WriteLine($"line {miss.Query.Line}: rank {miss.Rank?.ToString() ?? "-"} \"{miss.Query.Query}\" expected {string.Join(",", miss.Query.Expected)} got {string.Join(",", miss.TopIds.Take(3))}");
            }
        }

        return ExitCodes.Success;
    }

    private static string Row(string tag, RankingMetrics a, RankingMetrics b) =>
        $"| {tag} | {a.Count} | {a.Top1:P1} | {a.Top3:P1} | {a.Mrr:F3} | {b.Top1:P1} | {b.Top3:P1} | {b.Mrr:F3} |";
}

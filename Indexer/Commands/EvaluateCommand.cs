using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Evaluation;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

internal static class EvaluateCommand
{
    public static int Run(IServiceProvider services, string[] args, TextWriter output)
    {
        var searchOnly = args.Contains("--search");
        var intentsOnly = args.Contains("--intents");
        if (!intentsOnly)
        {
            RunSearch(services, args.Contains("--misses"), output);
        }

        if (!searchOnly)
        {
            RunIntents(services, args.Contains("--misses"), output);
        }

        return ExitCodes.Success;
    }

    private static void RunIntents(IServiceProvider services, bool showMisses, TextWriter output)
    {
        var options = services.GetRequiredService<KnowledgeBaseOptions>();
        var training = IntentDataSet.LoadTraining(options.IntentsPath);
        var heldOut = IntentDataSet.LoadHeldOut(options.IntentsPath);
        output.WriteLine();
        output.WriteLine($"Intent evaluation: {training.Count} training and {heldOut.Count} held-out utterances");
        output.WriteLine();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var crossValidated = IntentEvaluation.CrossValidate(training);
        IntentReport.Print($"{IntentEvaluation.Folds}-fold cross-validation ({watch.Elapsed.TotalSeconds:F0} s)", crossValidated, output, details: true);
        var model = IntentModel.Train(training);
        var held = IntentEvaluation.Predict(model, heldOut);
        IntentReport.Print("Held-out set (never trained on, never used for tuning)", held, output, details: false);
        IntentReport.PrintCalibration(crossValidated.Concat(held).ToList(), output);
        if (showMisses)
        {
            foreach (var miss in held.Where(o => !o.Correct))
            {
                output.WriteLine($"held-out miss: \"{miss.Example.Text}\" ({miss.Example.Language.Code()}) expected {miss.Example.Intent} got {miss.Predicted} ({miss.Confidence:F2})");
            }
        }
    }

    private static void RunSearch(IServiceProvider services, bool showMisses, TextWriter output)
    {
        var options = services.GetRequiredService<KnowledgeBaseOptions>();
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
    }

    private static string Row(string tag, RankingMetrics a, RankingMetrics b) =>
        $"| {tag} | {a.Count} | {a.Top1:P1} | {a.Top3:P1} | {a.Mrr:F3} | {b.Top1:P1} | {b.Top3:P1} | {b.Mrr:F3} |";
}

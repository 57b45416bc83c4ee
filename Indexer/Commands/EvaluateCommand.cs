using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Evaluation;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Ranking;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

internal static class EvaluateCommand
{
    public static int Run(IServiceProvider services, string[] args, TextWriter output)
    {
        var setIndex = Array.IndexOf(args, "--set");
        var set = setIndex >= 0 && setIndex + 1 < args.Length ? args[setIndex + 1] : null;
        if (setIndex >= 0 && set is null)
        {
            output.WriteLine("--set needs a name: " + string.Join(", ", EvaluationSet.Named.Keys));
            return ExitCodes.Usage;
        }

        if (set is not null && !EvaluationSet.Named.ContainsKey(set))
        {
            output.WriteLine($"unknown evaluation set '{set}' (known: {string.Join(", ", EvaluationSet.Named.Keys)})");
            return ExitCodes.Usage;
        }

        // A named set asks about routing alone; without one, both the own search set and the intents run.
        var searchOnly = args.Contains("--search") || set is not null;
        var intentsOnly = args.Contains("--intents");
        if (!intentsOnly)
        {
            RunSearch(services, set ?? "own", args.Contains("--misses"), args.Contains("--calibrate"), args.Contains("--heldout"), args.Contains("--cross-validate"), args.Contains("--no-sweep"), output);
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

    /// <summary>
    /// The thresholds of <see cref="AnswerJudgement"/> that keep "true" for at least 95 % of answerable
    /// questions and say "false" to as many of the others as possible.
    /// </summary>
    private static void Calibrate(SearchEvaluationReport report, TextWriter output)
    {
        // The evidence ln(p + 0.001) − a·no-card + b·known share, for each pair of weights, with the
        // threshold that keeps "true" for 95 % of the answerable questions.
        var answerable = report.Queries.Where(q => q.ContentWords > 0).ToList();
        var candidates =
            from none in new[] { 0.0, 1, 2, 4, 6 }
            from known in new[] { 0.0, 2, 4, 6, 8 }
            let evidence = (Func<EvaluatedQuery, double>)(e => Math.Log((e.Probability ?? 0) + 0.001) - none * (e.NoCardProbability ?? 0) + known * Math.Min(1.0, e.KnownWords / (double)Math.Max(1, e.ContentWords)))
            let threshold = answerable.Select(evidence).Order().ElementAt(Math.Max(0, (int)(report.Queries.Count * 0.05) - (report.Queries.Count - answerable.Count)))
            let metrics = SearchEvaluator.Judge(report.Queries, report.Unanswerable, e => e.ContentWords > 0 && evidence(e) >= threshold)
            orderby metrics.FalseWhenUnanswerable descending, metrics.TrueWhenAnswerable descending
            select (none, known, threshold, metrics);
        foreach (var (none, known, threshold, metrics) in candidates.Take(5))
        {
            output.WriteLine($"calibration: ln(p + 0.001) - {none:F0} no card + {known:F0} known share >= {threshold:F2}: " +
                $"true {metrics.TrueWhenAnswerable:P1}, false {metrics.FalseWhenUnanswerable:P1}");
        }

        output.WriteLine();
    }

    /// <summary>
    /// The development questions searched with a classifier that never saw them (5 folds), for each
    /// weight of the classifier against BM25; weight 0 is BM25 alone.
    /// </summary>
    private static void CrossValidate(KnowledgeBaseOptions options, EvaluationPart development, bool calibrate, bool showMisses, bool sweep, TextWriter output)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var runs = CrossValidatedSearch.Run(options, development.Queries, sweep ? [0f, 0.2f, 0.35f, 0.5f, 0.65f, 0.8f, 1f] : [CardClassifier.Weight]);
        var chosen = runs.First(r => Math.Abs(r.Weight - CardClassifier.Weight) < 1e-6).Report;
        if (calibrate)
        {
            Calibrate(chosen, output);
        }

        // The cross-validated misses are the fair list to study: the classifier never saw these questions.
        if (showMisses)
        {
            PrintMisses(chosen, "cross-validated ", output);
        }

        // For studying the answerable judgement offline: one line per question with what it saw.
        if (Environment.GetEnvironmentVariable("ASYSTENT_FEATURES") is { Length: > 0 } featuresPath)
        {
            File.WriteAllLines(featuresPath, chosen.AllQueries.Select(q => string.Join('\t',
                q.Query.Line, q.Query.Unanswerable ? 0 : 1, q.Rank ?? 0, q.TopScore, q.Coverage, q.ContentWords, q.Probability ?? 0, q.NoCardProbability ?? 0, q.KnownWords, string.Join(",", q.Query.Tags))));
        }

        output.WriteLine($"Cross-validated ({CrossValidatedSearch.Folds} folds, {watch.Elapsed.TotalSeconds:F0} s): development part, classifier weight against BM25");
        output.WriteLine();
        var tags = runs[0].Report.ByTag.Keys.ToList();
        output.WriteLine("| weight | all top-1 | all top-3 | all MRR | " + string.Join(" | ", tags.Select(t => $"{t} top-1")) + " | answerable true / false |");
        output.WriteLine("|---:|---:|---:|---:|" + string.Concat(tags.Select(_ => "---:|")) + "---:|");
        foreach (var (weight, report) in runs)
        {
            output.WriteLine($"| {weight:F2} | {report.Overall.Top1:P1} | {report.Overall.Top3:P1} | {report.Overall.Mrr:F3} | "
                + string.Join(" | ", tags.Select(t => report.ByTag.TryGetValue(t, out var m) ? $"{m.Assistant.Top1:P1}" : "–"))
                + $" | {report.Answerable.TrueWhenAnswerable:P0} / {report.Answerable.FalseWhenUnanswerable:P0} |");
        }

        output.WriteLine();
    }

    private static void RunSearch(IServiceProvider services, string set, bool showMisses, bool calibrate, bool includeHeldOut, bool crossValidate, bool noSweep, TextWriter output)
    {
        var options = services.GetRequiredService<KnowledgeBaseOptions>();
        var folder = EvaluationSet.FolderOf(options, set);
        var parts = EvaluationSet.LoadNamed(folder, set);
        if (parts.Count == 0)
        {
            output.WriteLine($"Search evaluation '{set}': no questions yet ({string.Join(", ", EvaluationSet.Named[set].Select(p => p.File))} in {folder})");
            return;
        }

        services.GetRequiredService<IndexMaintenance>().EnsureReady();
        var search = services.GetRequiredService<CardSearchService>();
        if (crossValidate && parts.FirstOrDefault(p => p.Name == "development") is { } development)
        {
            CrossValidate(options, development, calibrate, showMisses, !noSweep, output);
        }

        // The held-out part is read only for final figures (--heldout): while tuning, nobody sees it.
        foreach (var part in parts.Where(p => p.Name != "held-out" || includeHeldOut))
        {
            var report = SearchEvaluator.Run(search, part.Queries);
            output.WriteLine($"Search evaluation '{set}', {part.Name}: {part.Queries.Count} queries ({report.Queries.Count} a card answers), {search.Catalogue.Cards.Count} cards");
            output.WriteLine();
            output.WriteLine("| tag | queries | top-1 | top-3 | MRR | baseline top-1 | baseline top-3 | baseline MRR |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (tag, (assistant, baseline)) in report.ByTag)
            {
                output.WriteLine(Row(tag, assistant, baseline));
            }

            output.WriteLine(Row("**all**", report.Overall, report.BaselineOverall));
            output.WriteLine();
            var judged = report.Answerable;
            output.WriteLine($"answerable: true for {judged.TrueWhenAnswerable:P1} of {judged.Answerable} questions a card answers, " +
                $"false for {judged.FalseWhenUnanswerable:P1} of {judged.Unanswerable} that no card answers");
            output.WriteLine();
            // The held-out part is for the final figure only: listing its misses would invite tuning on it.
            if (showMisses && part.Name != "held-out")
            {
                PrintMisses(report, "", output);
            }
        }
    }

    private static void PrintMisses(SearchEvaluationReport report, string prefix, TextWriter output)
    {
        foreach (var miss in report.Queries.Where(q => q.Rank != 1))
        {
            output.WriteLine($"{prefix}line {miss.Query.Line}: rank {miss.Rank?.ToString() ?? "-"} [{string.Join(",", miss.Query.Tags)}] \"{miss.Query.Query}\" expected {string.Join(",", miss.Query.Expected)} got {string.Join(",", miss.TopIds.Take(3))}");
        }

        foreach (var wrong in report.Queries.Where(q => !q.Answerable).Concat(report.Unanswerable.Where(q => q.Answerable)))
        {
            output.WriteLine($"{prefix}line {wrong.Query.Line}: answerable {wrong.Answerable} (score {wrong.TopScore:F1}, coverage {wrong.Coverage:F2} of {wrong.ContentWords}, p {wrong.Probability:F2}, no card {wrong.NoCardProbability:F2}) \"{wrong.Query.Query}\" got {(wrong.TopIds.Count > 0 ? wrong.TopIds[0] : "-")}");
        }

        output.WriteLine();
    }

    private static string Row(string tag, RankingMetrics a, RankingMetrics b) =>
        $"| {tag} | {a.Count} | {a.Top1:P1} | {a.Top3:P1} | {a.Mrr:F3} | {b.Top1:P1} | {b.Top3:P1} | {b.Mrr:F3} |";
}

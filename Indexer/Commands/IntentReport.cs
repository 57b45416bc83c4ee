using Asystent.KnowledgeBase.Intents;

namespace Asystent.Indexer.Commands;

/// <summary>Prints intent evaluation figures as Markdown tables (pasted as-is into BENCHMARKS.md).</summary>
internal static class IntentReport
{
    public static void Print(string title, IReadOnlyList<IntentOutcome> outcomes, TextWriter output, bool details)
    {
        var byLanguage = IntentEvaluation.ByLanguage(outcomes);
        output.WriteLine($"### {title}");
        output.WriteLine();
        output.WriteLine("| language | utterances | accuracy | macro-F1 |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var (language, metrics) in byLanguage)
        {
            output.WriteLine($"| {language} | {metrics.Count} | {metrics.Accuracy:P1} | {metrics.MacroF1:F3} |");
        }

        output.WriteLine();
        if (!details)
        {
            return;
        }

        foreach (var (language, metrics) in byLanguage)
        {
            output.WriteLine($"Per intent ({language}):");
            output.WriteLine();
            output.WriteLine("| intent | support | precision | recall | F1 |");
            output.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var s in metrics.PerIntent)
            {
                output.WriteLine($"| {s.Intent} | {s.Support} | {s.Precision:F3} | {s.Recall:F3} | {s.F1:F3} |");
            }

            output.WriteLine();
            output.WriteLine($"Confusion matrix ({language}; rows = true intent, columns = predicted, in the order above):");
            output.WriteLine();
            output.WriteLine("```");
            for (var r = 0; r < IntentNames.All.Count; r++)
            {
                var cells = Enumerable.Range(0, IntentNames.All.Count).Select(c => metrics.Confusion[r, c].ToString().PadLeft(4));
                output.WriteLine($"{IntentNames.All[r],-19}{string.Concat(cells)}");
            }

            output.WriteLine("```");
            output.WriteLine();
        }
    }

    /// <summary>How often the model is right in each confidence band: what the threshold rests on.</summary>
    public static void PrintCalibration(IReadOnlyList<IntentOutcome> outcomes, TextWriter output)
    {
        output.WriteLine("Accuracy by confidence (cross-validation and held-out together):");
        output.WriteLine();
        output.WriteLine("| confidence | utterances | accuracy |");
        output.WriteLine("|---|---:|---:|");
        var bands = new[] { 0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01 };
        for (var i = 0; i + 1 < bands.Length; i++)
        {
            var band = outcomes.Where(o => o.Confidence >= bands[i] && o.Confidence < bands[i + 1]).ToList();
            var accuracy = band.Count == 0 ? "–" : (band.Count(o => o.Correct) / (double)band.Count).ToString("P1");
            output.WriteLine($"| {bands[i]:F1}–{Math.Min(bands[i + 1], 1):F1} | {band.Count} | {accuracy} |");
        }

        var confident = outcomes.Where(o => o.Confidence >= IntentPrediction.ConfidenceThreshold).ToList();
        output.WriteLine();
        output.WriteLine($"At the threshold {IntentPrediction.ConfidenceThreshold:F2}: {confident.Count / (double)outcomes.Count:P1} of utterances are acted on, " +
            $"{confident.Count(o => o.Correct) / (double)Math.Max(1, confident.Count):P1} of those correctly; the rest get a clarifying question.");
        output.WriteLine();
    }
}

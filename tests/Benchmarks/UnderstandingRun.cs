using System.Diagnostics;
using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Intents;

namespace Asystent.Benchmarks;

/// <summary>
/// Per-message latency of intent classification plus entity extraction (case number, phone, e-mail,
/// PESEL flag, dates and times, unit), and the time to train the model, on the real utterance files.
/// </summary>
internal static class UnderstandingRun
{
    private const int Rounds = 20;

    public static void Run()
    {
        var data = BenchmarkData.Instance;
        var training = IntentDataSet.LoadTraining(data.Options.IntentsPath);
        var messages = training.Concat(IntentDataSet.LoadHeldOut(data.Options.IntentsPath)).Select(e => e.Text).ToList();

        var train = Stopwatch.StartNew();
        var model = IntentModel.Train(training);
        Console.WriteLine($"training on {training.Count} utterances: {train.Elapsed.TotalSeconds:F1} s");

        var units = new UnitRecognizer(data.Demo.Office);
        var today = new DateOnly(2026, 11, 23);
        void Understand(string text)
        {
            model.Predict(text);
            CaseNumberRecognizer.Find(text);
            ContactRecognizer.FindPhone(text);
            ContactRecognizer.FindEmail(text);
            Pesel.Contains(text);
            DateTimeRecognizer.Find(text, today);
            units.Find(text);
        }

        foreach (var message in messages)
        {
            Understand(message); // warm-up
        }

        var samples = new List<double>(messages.Count * Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var message in messages)
            {
                var watch = Stopwatch.StartNew();
                Understand(message);
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        samples.Sort();
        Console.WriteLine(
            $"classification + entities over {samples.Count} messages: p50 {samples[samples.Count / 2]:F3} ms, " +
            $"p99 {samples[(int)Math.Ceiling(0.99 * samples.Count) - 1]:F3} ms, max {samples[^1]:F3} ms");
    }
}

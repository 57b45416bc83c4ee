using System.Diagnostics;
using Asystent.KnowledgeBase.Evaluation;
using Asystent.KnowledgeBase.Search;

namespace Asystent.Benchmarks;

/// <summary>
/// Per-query latency percentiles (BenchmarkDotNet reports per-iteration statistics, not the p99 of
/// single questions), index build time for 25,000 cards, and the cost of loading the dictionaries.
/// </summary>
internal static class LatencyRun
{
    private const int Rounds = 20;

    public static void Run()
    {
        var data = BenchmarkData.Instance;
        var load = Stopwatch.StartNew();
        Asystent.KnowledgeBase.Search.Analyzers.HunspellDictionaries.Load(data.Options.DictionariesPath);
        Console.WriteLine($"Hunspell pl+uk dictionaries load (parallel): {load.ElapsedMilliseconds} ms");

        foreach (var size in new[] { data.Demo.Cards.Count, 25_000 })
        {
            var catalogue = size == data.Demo.Cards.Count ? data.Demo : SyntheticCatalogue.Create(data.Demo, size);
            var build = Stopwatch.StartNew();
            // As a build does: the card classifier is trained beside the index up to its size limit, and the search fuses it.
            using var index = InMemoryCardIndex.Build(catalogue, data.Vocabulary, data.Dictionaries, data.Morphology, EvaluationSet.TrainingQuestions(data.Options));
            build.Stop();

            foreach (var query in data.Queries)
            {
                CardSearcher.Search(index, new SearchRequest(query.Query)); // warm-up: JIT and caches
            }

            var samples = new List<double>(data.Queries.Count * Rounds);
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var query in data.Queries)
                {
                    var watch = Stopwatch.StartNew();
                    CardSearcher.Search(index, new SearchRequest(query.Query));
                    samples.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            samples.Sort();
            Console.WriteLine(
                $"{size,6} cards: index build {build.Elapsed.TotalSeconds:F1} s; per query over {samples.Count} searches: " +
                $"p50 {Percentile(samples, 0.50):F3} ms, p90 {Percentile(samples, 0.90):F3} ms, p99 {Percentile(samples, 0.99):F3} ms, max {samples[^1]:F3} ms");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}

using System.Diagnostics;
using Asystent.KnowledgeBase.Search;

namespace Asystent.Benchmarks;

/// <summary>Splits a search's time into building the query (analysis, synonyms, typo expansion) and running it.</summary>
internal static class ProfileRun
{
    public static void Run()
    {
        var data = BenchmarkData.Instance;
        using var index = InMemoryCardIndex.Build(data.Demo, data.Vocabulary, data.Dictionaries, data.Morphology);
        var builder = new CardQueryBuilder(index);
        for (var round = 0; round < 15; round++)
        {
            var analysis = TimeSpan.Zero;
            var search = TimeSpan.Zero;
            var slowest = new List<(double Ms, string Query)>();
            foreach (var q in data.Queries)
            {
                var watch = Stopwatch.StartNew();
                var language = index.Detector.Detect(q.Query);
                var query = builder.Build(q.Query, language).Query;
                var built = watch.Elapsed;
                index.Searcher.Search(query, 5);
                analysis += built;
                search += watch.Elapsed - built;
                slowest.Add((watch.Elapsed.TotalMilliseconds, q.Query));
            }

            Console.WriteLine($"round {round}: building queries {analysis.TotalMilliseconds:F0} ms, searching {search.TotalMilliseconds:F0} ms for {data.Queries.Count} questions");
            if (round == 14)
            {
                foreach (var (ms, text) in slowest.OrderByDescending(s => s.Ms).Take(8))
                {
                    Console.WriteLine($"  {ms:F2} ms  {text}");
                }
            }
        }
    }
}

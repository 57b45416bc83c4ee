using System.Diagnostics;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace Asystent.Benchmarks;

/// <summary>Where a conversation turn's time goes inside the knowledge base: interpretation vs. the card search.</summary>
internal static class TurnProfileRun
{
    public static void Run()
    {
        var data = BenchmarkData.Instance;
        var folder = Directory.CreateTempSubdirectory("asystent-turn-").FullName;
        // A copy: the shared options must keep pointing at the repository's own folders.
        var options = new KnowledgeBase.KnowledgeBaseOptions
        {
            CardsPath = data.Options.CardsPath,
            VocabularyPath = data.Options.VocabularyPath,
            DictionariesPath = data.Options.DictionariesPath,
            MorphologyPath = data.Options.MorphologyPath,
            PolishMorphology = data.Options.PolishMorphology,
            IntentsPath = data.Options.IntentsPath,
            EvaluationPath = data.Options.EvaluationPath,
            IndexPath = Path.Combine(folder, "index"),
            ModelPath = Path.Combine(folder, "model"),
        };
        new CardIndexBuilder(data.Dictionaries).Build(options);
        using var search = new CardSearchService(options, NullLogger<CardSearchService>.Instance);
        search.Refresh();
        var intents = new IntentClassifier(options, NullLogger<IntentClassifier>.Instance);
        intents.EnsureReady();
        var interpreter = new MessageInterpreter(search, intents, options, TimeProvider.System);
        var texts = data.Queries.Select(q => q.Query).ToList();
        using var sampler = new AllocationSampler();
        for (var round = 0; round < 10; round++)
        {
            sampler.Recording = round >= 5;
            TimeSpan interpret = default, searching = default;
            long interpretBytes = 0, searchBytes = 0;
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                var startBytes = GC.GetAllocatedBytesForCurrentThread();
                var understood = interpreter.Interpret(text);
                var middle = Stopwatch.GetTimestamp();
                var middleBytes = GC.GetAllocatedBytesForCurrentThread();
                search.Search(new SearchRequest(text, understood.Language, 3));
                interpret += Stopwatch.GetElapsedTime(start, middle);
                searching += Stopwatch.GetElapsedTime(middle);
                interpretBytes += middleBytes - startBytes;
                searchBytes += GC.GetAllocatedBytesForCurrentThread() - middleBytes;
            }

            Console.WriteLine($"round {round}: interpret {interpret.TotalMilliseconds / texts.Count:F3} ms/turn ({interpretBytes / texts.Count / 1024.0:F1} KiB allocated), "
                + $"search {searching.TotalMilliseconds / texts.Count:F3} ms/turn ({searchBytes / texts.Count / 1024.0:F1} KiB)");
        }

        Console.WriteLine("allocated by type (sampled, rounds 5-9):");
        sampler.Print(25);

        // The card classifier alone (ML.NET), the part of a search that no analysis change touches.
        var classifierFile = Directory.EnumerateFiles(options.IndexPath, KnowledgeBase.Search.Ranking.CardClassifier.FileName, SearchOption.AllDirectories).FirstOrDefault();
        if (classifierFile is not null)
        {
            var classifier = KnowledgeBase.Search.Ranking.CardClassifier.Load(classifierFile);
            for (var round = 0; round < 3; round++)
            {
                var start = Stopwatch.GetTimestamp();
                var startBytes = GC.GetAllocatedBytesForCurrentThread();
                foreach (var text in texts)
                {
                    classifier.Predict(text);
                }

                Console.WriteLine($"card classifier: {Stopwatch.GetElapsedTime(start).TotalMilliseconds / texts.Count:F3} ms/question ({(GC.GetAllocatedBytesForCurrentThread() - startBytes) / texts.Count / 1024.0:F1} KiB allocated)");
            }
        }

        Directory.Delete(folder, recursive: true);
    }
}

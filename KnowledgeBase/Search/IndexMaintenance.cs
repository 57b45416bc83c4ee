using System.Diagnostics;
using Asystent.KnowledgeBase.Search.Analyzers;
using Microsoft.Extensions.Logging;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// Keeps the index in step with its sources: builds it when it is missing or older than the cards
/// and vocabulary, then opens it for search. Used at start-up by the Bot and by the Indexer.
/// </summary>
public sealed class IndexMaintenance(KnowledgeBaseOptions options, Lazy<HunspellDictionaries> dictionaries, CardSearchService search, ILogger<IndexMaintenance> logger)
{
    /// <summary>True when the index in service was built from the current cards and vocabulary, with the configured Polish morphology.</summary>
    public bool IsUpToDate() =>
        new CardIndexStore(options.IndexPath).IsUpToDate(CardIndexStore.HashSources(options));

    /// <summary>Builds if needed, then opens the newest generation. A failed build keeps the old index in service.</summary>
    public void EnsureReady()
    {
        var watch = Stopwatch.StartNew();
        if (!IsUpToDate())
        {
            logger.LogInformation("The search index is missing or older than its sources; building it");
            var result = new CardIndexBuilder(dictionaries.Value).Build(options, new Progress<string>(message => logger.LogInformation("Index build: {Message}", message)));
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems)
                {
                    logger.LogError("Card problem: {Problem}", problem.ToString());
                }

                logger.LogError("The index was not rebuilt because some cards are invalid; the previous index stays in service");
            }
        }

        search.Refresh();
        logger.LogInformation("Search ready in {ElapsedMs} ms (generation {Generation})", watch.ElapsedMilliseconds, search.Generation);
    }
}

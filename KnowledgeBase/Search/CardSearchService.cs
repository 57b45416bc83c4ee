using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.ServiceCards;
using Microsoft.Extensions.Logging;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// The searchable knowledge base as the rest of the assistant sees it. Holds the generation in
/// service and swaps in a newly published one without a restart; searches running during a swap
/// finish on the generation they started with.
/// </summary>
public sealed class CardSearchService(KnowledgeBaseOptions options, ILogger<CardSearchService> logger) : IDisposable
{
    private readonly Lock swapLock = new();
    private CardIndex? current;

    public bool IsReady => Volatile.Read(ref current) is not null;

    public string? Generation => Volatile.Read(ref current)?.Generation;

    /// <summary>Opens the generation named by the CURRENT pointer if it is not the one in service. Returns true on a swap.</summary>
    public bool Refresh()
    {
        var path = new CardIndexStore(options.IndexPath).CurrentGenerationPath();
        if (path is null || Path.GetFileName(path) == Generation)
        {
            return false;
        }

        lock (swapLock)
        {
            if (Path.GetFileName(path) == Generation)
            {
                return false;
            }

            var opened = CardIndex.Open(path);
            var previous = Interlocked.Exchange(ref current, opened);
            previous?.Dispose();
            logger.LogInformation("Search index {Generation} in service with {CardCount} cards", opened.Generation, opened.Catalogue.Cards.Count);
            return true;
        }
    }

    public SearchResponse Search(SearchRequest request)
    {
        using var activity = SearchTelemetry.Start();
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = WithIndex(index => CardSearcher.Search(index, request));
        SearchTelemetry.Searched(response, startedAt, activity);
        return response;
    }

    /// <summary>The cards of the generation in service (matches what search returns).</summary>
    public CardCatalogue Catalogue => WithIndex(index => index.Catalogue);

    public Languages.Language DetectLanguage(string text) => WithIndex(index => index.Detector.Detect(text));

    /// <summary>
    /// The words of a text as the search compares them (lemmas and stems of the language, without stop
    /// words): "odbiorę gotowy" and "Odbiór gotowego" share terms, so a question can be held against titles.
    /// </summary>
    public IReadOnlySet<string> Terms(string text, Languages.Language language) =>
        WithIndex(index => AnalyzerSet.Terms(index.Analyzers.For(language), text).ToHashSet(StringComparer.Ordinal));

    /// <summary>What each card of the generation in service is described by in a language.</summary>
    public CardDescriptions Descriptions(Languages.Language language) => WithIndex(index => index.Descriptions(language));

    private T WithIndex<T>(Func<CardIndex, T> action)
    {
        while (true)
        {
            var index = Volatile.Read(ref current) ?? throw new SearchNotReadyException();
            if (!index.TryAcquire())
            {
                continue; // retired between the read and the lease: the next read sees its successor
            }

            try
            {
                return action(index);
            }
            finally
            {
                index.Release();
            }
        }
    }

    public void Dispose() => Interlocked.Exchange(ref current, null)?.Dispose();
}

/// <summary>Thrown when a search arrives before any index generation has been opened.</summary>
public sealed class SearchNotReadyException() : InvalidOperationException("The search index is not ready yet.");

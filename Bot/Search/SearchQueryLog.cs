using System.Threading.Channels;
using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Storage;

namespace Asystent.Bot.Search;

/// <summary>
/// Records searches (with personal data masked) for the analytics of unanswered questions. Requests
/// only enqueue; a background writer stores in batches, so a slow disk never slows a search. When
/// the queue is full under a flood the newest records are dropped rather than blocking requests.
/// </summary>
public sealed class SearchQueryLog
{
    private readonly Channel<SearchQueryRecord> queue = Channel.CreateBounded<SearchQueryRecord>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    internal ChannelReader<SearchQueryRecord> Reader => queue.Reader;

    public void Record(string channel, SearchResponse response, TimeProvider clock)
    {
        var top = response.Results.Count > 0 ? response.Results[0] : null;
        queue.Writer.TryWrite(new SearchQueryRecord
        {
            AskedAt = clock.GetUtcNow(),
            Channel = channel,
            Query = PersonalDataMasker.Mask(response.Query),
            Language = Asystent.KnowledgeBase.Languages.Languages.Code(response.Language),
            ResultCount = response.Results.Count,
            TopCardId = top?.Id,
            TopScore = top?.Score,
        });
    }
}

internal sealed class SearchQueryLogWriter(SearchQueryLog log, IServiceScopeFactory scopes, Hosting.StorageThread storage, ILogger<SearchQueryLogWriter> logger)
    : Hosting.BatchWriter<SearchQueryRecord>(log.Reader, scopes, storage, logger, 500)
{
    protected override string Table => "search_queries";

    protected override IReadOnlyList<Column> Columns { get; } =
    [
        new("AskedAt", q => q.AskedAt),
        new("Channel", q => q.Channel),
        new("Query", q => q.Query),
        new("Language", q => q.Language),
        new("ResultCount", q => q.ResultCount),
        new("TopCardId", q => q.TopCardId),
        new("TopScore", q => q.TopScore),
    ];
}

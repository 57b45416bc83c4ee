using System.Data.Common;
using System.Diagnostics.Metrics;
using Asystent.Bot.Analytics;
using Asystent.Bot.Conversation;
using Asystent.Bot.Search;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.Bot.Hosting.Observability;

/// <summary>
/// What is waiting, read only when metrics are collected (a scrape, an export), so turns pay nothing:
/// records queued for the storage writer, notifications not yet sent, and people waiting for a clerk.
/// A backlog that keeps growing is the first sign of a stuck writer, gateway or desk.
/// </summary>
public sealed class BacklogGauges
{
    private readonly IServiceScopeFactory scopes;
    private readonly Readiness readiness;
    private readonly ILogger<BacklogGauges> logger;

    public BacklogGauges(AssistantMetrics metrics, ConversationStore conversations, AnalyticsLog analytics, SearchQueryLog searches,
        IServiceScopeFactory scopes, Readiness readiness, ILogger<BacklogGauges> logger)
    {
        (this.scopes, this.readiness, this.logger) = (scopes, readiness, logger);
        metrics.Meter.CreateObservableGauge("asystent.storage.queue", () => new[]
        {
            Queued("conversations", conversations.Changes),
            Queued("analytics", analytics.Reader),
            Queued("search_queries", searches.Reader),
        }.Where(m => m.Value >= 0), "{record}", "Records waiting for the storage writer, by queue (conversations: dialogue state and transcripts).");
        metrics.Meter.CreateObservableGauge("asystent.outbox.pending", OutboxPending, "{message}",
            "Notifications (SMS, e-mail) in the outbox not yet sent, by channel; includes those waiting for a retry.");
        metrics.Meter.CreateObservableGauge("asystent.handoff.waiting", HandoffsWaiting, "{conversation}",
            "Conversations waiting in a unit's queue for a clerk, by unit.");
    }

    // A queue that cannot count (a single-reader channel) is left out rather than shown as empty.
    private static Measurement<long> Queued<T>(string queue, System.Threading.Channels.ChannelReader<T> reader) =>
        new(reader.CanCount ? reader.Count : -1, new KeyValuePair<string, object?>("queue", queue));

    private IEnumerable<Measurement<long>> OutboxPending() => Counted(db => db.Outbox
        .Where(m => m.Status == OutboxStatus.Pending)
        .GroupBy(m => m.Channel)
        .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
        .ToList(), "channel", [OutboxChannels.Sms, OutboxChannels.Email]);

    private IEnumerable<Measurement<long>> HandoffsWaiting() => Counted(db => db.Handoffs
        .Where(h => h.State == HandoffStates.Waiting)
        .GroupBy(h => h.Unit)
        .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
        .ToList(), "unit", []);

    // Collection calls back synchronously; the database answers these counts from its indexes in
    // well under a millisecond. Before start-up has migrated the database there is nothing to count.
    private List<Measurement<long>> Counted(Func<AssistantDbContext, List<KeyValuePair<string, int>>> query, string label, string[] alwaysShown)
    {
        if (!readiness.Database)
        {
            return [];
        }

        try
        {
            using var scope = scopes.CreateScope();
            var counts = query(scope.ServiceProvider.GetRequiredService<AssistantDbContext>());
            return alwaysShown.Where(key => counts.All(c => c.Key != key)).Select(key => new KeyValuePair<string, int>(key, 0))
                .Concat(counts)
                .Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>(label, c.Key)))
                .ToList();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not count the backlog for metrics");
            return [];
        }
    }
}

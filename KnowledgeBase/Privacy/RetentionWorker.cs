using Asystent.KnowledgeBase.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Asystent.KnowledgeBase.Privacy;

/// <summary>
/// Sweeps old personal data once the database is ready and then every <see cref="RetentionOptions.SweepMinutes"/>, on
/// the injected clock (so tests move time instead of waiting). A failed sweep is logged and retried
/// at the next tick; it never stops the host.
/// </summary>
public sealed partial class RetentionWorker(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger, IDatabaseReadiness? database = null) : BackgroundService
{
    /// <summary>Signalled after every sweep (for tests and health checks).</summary>
    public event Action<RetentionResult>? Swept;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On a fresh start the tables exist only once the host has migrated the database.
        if (database is not null)
        {
            await database.WhenDatabaseReady(stoppingToken);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<RetentionSweeper>().SweepAsync(clock.GetUtcNow(), stoppingToken);
                if (result.Total > 0)
                {
                    Removed(result.Conversations, result.DialogueStates, result.SearchRecords, result.CallbackRequests, result.PastVisits, result.Notifications, result.CaseWatches, result.AnalyticsEvents);
                }

                Swept?.Invoke(result);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Retention: removed {Conversations} conversations, {DialogueStates} dialogue states, {SearchRecords} search records, {CallbackRequests} callback requests, the particulars of {PastVisits} past visits, {Notifications} notifications, {CaseWatches} case watches, {AnalyticsEvents} analytics events")]
    private partial void Removed(int conversations, int dialogueStates, int searchRecords, int callbackRequests, int pastVisits, int notifications, int caseWatches, int analyticsEvents);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Retention sweep failed; it runs again at the next tick")]
    private partial void Failed(Exception exception);
}

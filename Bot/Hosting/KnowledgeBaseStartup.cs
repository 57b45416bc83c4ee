using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Storage;

namespace Asystent.Bot.Hosting;

/// <summary>
/// Brings the knowledge base up in the background so the server answers at once (503 on /health
/// until ready): migrates the database while it builds the index if it is missing or stale (loading
/// the full dictionaries only then), trains the intent model if its utterances changed, opens both,
/// and then keeps watching for a newer generation published by `Indexer build` to swap in without restart.
/// </summary>
internal sealed class KnowledgeBaseStartup(
    IServiceScopeFactory scopes,
    IntentClassifier intents,
    IndexMaintenance maintenance,
    CardSearchService search,
    KnowledgeBaseOptions options,
    Readiness readiness,
    ILogger<KnowledgeBaseStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The three parts need nothing from each other, so they start together: the search index
            // opens (or builds) and the intent model loads (or trains) on the other core while the
            // database migrates. With an existing index, opening it is the longest part, so it does
            // not wait for the migration (issue 18: start-up with an existing index within 3 s).
            var index = Task.Run(maintenance.EnsureReady, stoppingToken);
            var model = Task.Run(intents.EnsureReady, stoppingToken);
            await using (var scope = scopes.CreateAsyncScope())
            {
                await AssistantDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AssistantDbContext>(), stoppingToken);
                // Before the database counts as ready, so a sign-in right after /health says 200 finds the accounts.
                await scope.ServiceProvider.GetRequiredService<Staff.StaffAccountSeeder>().SeedAsync(scope.ServiceProvider, stoppingToken);
            }

            readiness.DatabaseReady();
            await Task.WhenAll(index, model);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogCritical(e, "The knowledge base could not start");
            readiness.Failed("The knowledge base could not start; see the server log.");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.IndexPollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                search.Refresh();
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // A generation that cannot be opened stays out of service; the current one keeps serving.
                logger.LogError(e, "A new index generation could not be opened; keeping {Generation}", search.Generation);
            }
        }
    }
}

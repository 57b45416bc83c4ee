using System.Threading.Channels;
using Asystent.KnowledgeBase.Storage;

namespace Asystent.Bot.Hosting;

/// <summary>
/// Stores what requests and turns only enqueue (search records, analytics events): in batches, in
/// the background, so a slow disk never slows anyone; a batch that cannot be stored is logged and
/// skipped rather than retried for ever.
/// </summary>
internal abstract class BatchWriter<T>(ChannelReader<T> reader, IServiceScopeFactory scopes, ILogger logger, int batchSize) : BackgroundService
    where T : class
{
    // Under load one record per transaction would cost more than the records themselves: wait a
    // moment after the first for others to join its batch. Not cancelled by shutdown, so a stopping
    // server still stores what it had.
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    protected abstract void Add(AssistantDbContext db, List<T> batch);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<T>();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(BatchWindow, CancellationToken.None);
            while (batch.Count < batchSize && reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
                Add(db, batch);
                await db.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning(e, "Could not store {Count} {Kind} records; they are skipped", batch.Count, typeof(T).Name);
            }

            batch.Clear();
        }
    }
}

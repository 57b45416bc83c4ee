using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Asystent.Bot.Hosting;
using Asystent.Bot.Hosting.Observability;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.Bot.Conversation;

/// <summary>
/// Writes the store's queued changes to the database in group commits: whatever has queued while the
/// previous commit was being written goes in the next one, as one transaction with one upsert per
/// conversation (its latest state wins) and one insert per transcript entry. A Direct Line post is
/// acknowledged only after its commit, so under load many posts share a commit (and its sync to
/// disk) instead of each paying for one, and when quiet a post waits for one small commit only.
/// A batch that cannot be written is retried (the posts waiting for it wait), never skipped: a gap
/// would let a position a client has seen be given again after a restart.
/// Plain SQL on the context's connection, because change tracking every row cost more CPU under load
/// than answering the question; the tables themselves come from the EF Core migrations. The writing
/// happens on the <see cref="StorageThread"/>.
/// </summary>
internal sealed class ConversationStoreWriter(ConversationStore store, StorageDialect dialect, IServiceScopeFactory scopes, StorageThread storage, TimeProvider clock, AssistantMetrics metrics, ILogger<ConversationStoreWriter> logger) : BackgroundService
{
    private const int MaxBatch = 2000;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    // The SQL comes from the engine's dialect: an upsert per conversation (its latest state wins, the
    // version counts up) and an insert per transcript entry. JSON is bound as UTF-8 bytes; a transcript
    // entry's bytes are those the client was sent. A transcript entry is written once; a repeated one
    // (same conversation and position) is ignored.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => storage.Run(() => WriteAllAsync(stoppingToken));

    private async Task WriteAllAsync(CancellationToken stoppingToken)
    {
        var reader = store.Changes;
        var batch = new List<ConversationStore.Change>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await WriteQueuedAsync(reader, batch, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is queued is written below.
        }

        store.Complete();
        await WriteQueuedAsync(reader, batch, CancellationToken.None, attempts: 3);
    }

    private async Task WriteQueuedAsync(ChannelReader<ConversationStore.Change> reader, List<ConversationStore.Change> batch, CancellationToken stoppingToken, int attempts = int.MaxValue)
    {
        while (reader.TryPeek(out _))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var change))
            {
                batch.Add(change);
            }

            var delay = FirstRetry;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var startedAt = Stopwatch.GetTimestamp();
                    await WriteBatchAsync(batch);
                    metrics.ConversationsCommitted(batch.Count, startedAt);
                    break;
                }
                catch (DbException e) when (attempt < attempts && !(stoppingToken.IsCancellationRequested && attempt >= 3))
                {
                    logger.LogError(e, "Could not store {Count} conversation changes; retrying in {Delay}", batch.Count, delay);
                    await Task.Delay(delay, clock, CancellationToken.None);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
                }
                catch (DbException e)
                {
                    logger.LogError(e, "Could not store {Count} conversation changes while stopping; they are lost", batch.Count);
                    return;
                }
            }

            // Committed: the activities become visible and the posts waiting for them are answered.
            foreach (var change in batch)
            {
                (change as ConversationStore.ActivityChange)?.Stored?.Invoke();
            }
        }
    }

    private async Task WriteBatchAsync(List<ConversationStore.Change> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await dialect.PrepareWriterAsync(connection);
        await using var transaction = await connection.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        await using (var upsert = Command(connection, transaction, dialect.UpsertConversationSql, "@id", "@channel", "@user", "@locale", "@state", "@now"))
        {
            foreach (var conversation in Merge(batch))
            {
                await ExecuteAsync(upsert, conversation.ConversationId, conversation.Channel, conversation.UserId, conversation.Locale,
                    conversation.State is null ? null : JsonSerializer.SerializeToUtf8Bytes(conversation.State), now);
            }
        }

        await using (var insert = Command(connection, transaction, dialect.InsertActivitySql, "@id", "@sequence", "@type", "@timestamp", "@json"))
        {
            foreach (var activity in batch.OfType<ConversationStore.ActivityChange>())
            {
                await ExecuteAsync(insert, activity.ConversationId, activity.Sequence, activity.Type, activity.Timestamp, activity.Json);
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>One change per conversation in the batch: the latest state and the latest known user and locale.</summary>
    private static Dictionary<string, ConversationStore.ConversationChange>.ValueCollection Merge(List<ConversationStore.Change> batch)
    {
        var merged = new Dictionary<string, ConversationStore.ConversationChange>(StringComparer.Ordinal);
        foreach (var change in batch)
        {
            var next = change as ConversationStore.ConversationChange
                ?? new ConversationStore.ConversationChange(change.ConversationId, ConversationStore.DefaultChannel, null, null, null);
            merged[change.ConversationId] = merged.TryGetValue(change.ConversationId, out var earlier)
                ? new(next.ConversationId, change is ConversationStore.ConversationChange ? next.Channel : earlier.Channel,
                    next.UserId ?? earlier.UserId, next.Locale ?? earlier.Locale, next.State ?? earlier.State)
                : next;
        }

        return merged.Values;
    }

    private DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        dialect.Prepare(command);
        return command;
    }

    private Task<int> ExecuteAsync(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            dialect.SetValue(command.Parameters[i], values[i]);
        }

        return command.ExecuteNonQueryAsync();
    }
}

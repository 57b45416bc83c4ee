using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.Bot.Conversation;

/// <summary>
/// Conversations in the database, so that they survive a restart: the dialogue state of each
/// conversation and its transcript (with personal data masked). Turns read and write the in-memory
/// copy; a background writer stores changes in batches, so a turn never waits for the disk, and
/// drains its queue when the server stops.
/// </summary>
public sealed class ConversationStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DialogState> states = new(StringComparer.Ordinal);
    private readonly Channel<Change> changes = Channel.CreateUnbounded<Change>(new UnboundedChannelOptions { SingleReader = true });

    internal abstract record Change(string ConversationId);

    internal sealed record ConversationChange(string ConversationId, string Channel, string? UserId, string? Locale, DialogState? State) : Change(ConversationId);

    internal sealed record ActivityChange(string ConversationId, int Sequence, string Type, DateTimeOffset Timestamp, string Json) : Change(ConversationId);

    internal ChannelReader<Change> Changes => changes.Reader;

    /// <summary>The conversation's dialogue state: from memory, else from the database, else a new one.</summary>
    public DialogState State(string conversationId, Language fallbackLanguage)
    {
        if (states.TryGetValue(conversationId, out var state))
        {
            return state;
        }

        using var scope = scopes.CreateScope();
        var stored = scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId).Select(c => c.StateJson).FirstOrDefault();
        state = stored is null ? new DialogState(fallbackLanguage) : JsonSerializer.Deserialize<DialogState>(stored) ?? new DialogState(fallbackLanguage);
        return states.GetOrAdd(conversationId, state);
    }

    public void SaveState(string conversationId, string channel, DialogState state)
    {
        states[conversationId] = state;
        changes.Writer.TryWrite(new ConversationChange(conversationId, channel, null, null, state));
    }

    public void Started(string conversationId, string channel, string? userId, string? locale) =>
        changes.Writer.TryWrite(new ConversationChange(conversationId, channel, userId, locale, null));

    /// <summary>Stores a transcript entry; its text is masked first (PESEL, phones, e-mails, case numbers).</summary>
    public void Recorded(string conversationId, int sequence, Activity activity)
    {
        var masked = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!;
        if (activity.Text is { } text)
        {
            masked["text"] = PersonalDataMasker.Mask(text);
        }

        changes.Writer.TryWrite(new ActivityChange(conversationId, sequence, activity.Type, activity.Timestamp ?? clock.GetUtcNow(), masked.ToJsonString(ActivityJson.Options)));
    }

    /// <summary>A stored conversation and its (masked) transcript, to resume it after a restart; null when unknown.</summary>
    public (ConversationRecord Conversation, List<Activity> Transcript)? Load(string conversationId)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var conversation = db.Conversations.AsNoTracking().FirstOrDefault(c => c.Id == conversationId);
        if (conversation is null)
        {
            return null;
        }

        var transcript = db.ConversationActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId)
            .OrderBy(a => a.Sequence)
            .Select(a => a.Json)
            .AsEnumerable()
            .Select(json => JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options)!)
            .ToList();
        return (conversation, transcript);
    }

    internal void Complete() => changes.Writer.TryComplete();
}

/// <summary>Writes the store's queued changes to the database in batches.</summary>
internal sealed class ConversationStoreWriter(ConversationStore store, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ConversationStoreWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = store.Changes;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await WriteBatchAsync(reader, CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is queued is written below.
        }

        store.Complete();
        await WriteBatchAsync(reader, CancellationToken.None);
    }

    private async Task WriteBatchAsync(ChannelReader<ConversationStore.Change> reader, CancellationToken cancellationToken)
    {
        var batch = new List<ConversationStore.Change>();
        while (batch.Count < 1000 && reader.TryRead(out var change))
        {
            batch.Add(change);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            var now = clock.GetUtcNow();
            var ids = batch.Select(c => c.ConversationId).Distinct().ToList();
            var conversations = await db.Conversations.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var change in batch)
            {
                if (!conversations.TryGetValue(change.ConversationId, out var record))
                {
                    record = new ConversationRecord { Id = change.ConversationId, Channel = (change as ConversationStore.ConversationChange)?.Channel ?? "directline", CreatedAt = now, UpdatedAt = now };
                    conversations[record.Id] = record;
                    db.Conversations.Add(record);
                }

                record.UpdatedAt = now;
                record.Version++;
                switch (change)
                {
                    case ConversationStore.ConversationChange c:
                        record.UserId = c.UserId ?? record.UserId;
                        record.Locale = c.Locale ?? record.Locale;
                        if (c.State is not null)
                        {
                            record.StateJson = JsonSerializer.Serialize(c.State);
                        }

                        break;
                    case ConversationStore.ActivityChange a:
                        db.ConversationActivities.Add(new ConversationActivityRecord
                        {
                            ConversationId = a.ConversationId,
                            Sequence = a.Sequence,
                            Type = a.Type,
                            Timestamp = a.Timestamp,
                            Json = a.Json,
                        });
                        break;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            logger.LogError(e, "Could not store {Count} conversation changes", batch.Count);
        }
    }
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Languages;
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
    private readonly ConcurrentDictionary<string, DateTimeOffset> touched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> sequences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ResidentData> residentData = new(StringComparer.Ordinal);
    // Not declared single-reader (though it has one): only the general channel can say how many
    // changes wait, which the metrics show as the storage writer's backlog.
    private readonly Channel<Change> changes = Channel.CreateUnbounded<Change>();

    internal const string DefaultChannel = "directline";

    internal abstract record Change(string ConversationId);

    internal sealed record ConversationChange(string ConversationId, string Channel, string? UserId, string? Locale, DialogState? State) : Change(ConversationId);

    /// <summary>A transcript entry; <paramref name="Stored"/> (when given) is called once it is committed.</summary>
    internal sealed record ActivityChange(string ConversationId, int Sequence, string Type, DateTimeOffset Timestamp, byte[] Json, Action? Stored = null) : Change(ConversationId);

    internal ChannelReader<Change> Changes => changes.Reader;

    /// <summary>The conversation's dialogue state: from memory, else from the database, else a new one.</summary>
    public DialogState State(string conversationId, Language fallbackLanguage)
    {
        touched[conversationId] = clock.GetUtcNow();
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
        touched[conversationId] = clock.GetUtcNow();
        changes.Writer.TryWrite(new ConversationChange(conversationId, channel, null, null, state));
    }

    /// <summary>
    /// The next transcript position of a conversation whose order the channel does not keep itself
    /// (Bot Connector): counted in memory, continued from the database after a restart.
    /// </summary>
    public int NextSequence(string conversationId) =>
        sequences.AddOrUpdate(conversationId, id =>
        {
            using var scope = scopes.CreateScope();
            return scope.ServiceProvider.GetRequiredService<AssistantDbContext>().ConversationActivities.AsNoTracking()
                .Where(a => a.ConversationId == id).Max(a => (int?)a.Sequence) + 1 ?? 0;
        }, (_, last) => last + 1);

    /// <summary>Drops a conversation's in-memory copy (idle); the database keeps it and it is read back if it continues.</summary>
    public void Forget(string conversationId)
    {
        states.TryRemove(conversationId, out _);
        sequences.TryRemove(conversationId, out _);
        residentData.TryRemove(conversationId, out _);
        touched.TryRemove(conversationId, out _);
    }

    /// <summary>Forgets every conversation (of any channel) whose state nobody has read or written for <paramref name="idle"/>.</summary>
    public int ForgetIdle(TimeSpan idle)
    {
        var before = clock.GetUtcNow() - idle;
        var forgotten = 0;
        foreach (var (id, at) in touched)
        {
            if (at < before)
            {
                Forget(id);
                forgotten++;
            }
        }

        return forgotten;
    }

    public void Started(string conversationId, string channel, string? userId, string? locale) =>
        changes.Writer.TryWrite(new ConversationChange(conversationId, channel, userId, locale, null));

    /// <summary>
    /// Stores a transcript entry: what the resident typed with personal data masked (PESEL, phones,
    /// e-mails, case numbers), the assistant's replies as they were sent except for the resident's own
    /// data repeated in them.
    /// </summary>
    public void Recorded(string conversationId, int sequence, Activity activity) =>
        Recorded(conversationId, sequence, activity, ActivityJson.ToUtf8(activity));

    /// <summary>As <see cref="Recorded(string, int, Activity)"/>, reusing the activity's JSON already written for its stream; <paramref name="stored"/> is called once it is committed.</summary>
    public void Recorded(string conversationId, int sequence, Activity activity, byte[] json, Action? stored = null)
    {
        var masked = TranscriptJson.Stored(json, activity, residentData.GetOrAdd(conversationId, _ => new ResidentData()));
        changes.Writer.TryWrite(new ActivityChange(conversationId, sequence, activity.Type, activity.Timestamp ?? clock.GetUtcNow(), masked, stored));
    }

    /// <summary>
    /// A Direct Line conversation as it was stored, to resume it after a restart: how many activities
    /// it has, the newest <paramref name="newest"/> of them as stored, and the last one's timestamp;
    /// null when unknown.
    /// </summary>
    public (ConversationRecord Conversation, int Count, List<byte[]> Newest, DateTimeOffset? LastTimestamp)? LoadNewest(string conversationId, int newest)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var conversation = db.Conversations.AsNoTracking().FirstOrDefault(c => c.Id == conversationId);
        if (conversation is null)
        {
            return null;
        }

        var rows = db.ConversationActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId)
            .OrderByDescending(a => a.Sequence)
            .Take(newest)
            .Select(a => new { a.Sequence, a.Timestamp, a.Json })
            .ToList();
        rows.Reverse();
        var count = rows.Count == 0 ? 0 : rows[^1].Sequence + 1;
        // Positions are contiguous in a transcript stored by this version; one with gaps (stored
        // before commits were awaited) keeps its positions, and only its contiguous tail is kept in memory.
        var first = rows.Count - 1;
        while (first > 0 && rows[first - 1].Sequence == rows[first].Sequence - 1)
        {
            first--;
        }

        var tail = rows.Skip(Math.Max(first, 0)).Select(r => Encoding.UTF8.GetBytes(r.Json)).ToList();
        return (conversation, count, tail, rows.Count == 0 ? null : rows[^1].Timestamp);
    }

    /// <summary>The stored transcript entries of a conversation from position <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public IReadOnlyList<byte[]> ReadTranscript(string conversationId, int from, int to)
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AssistantDbContext>().ConversationActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence >= from && a.Sequence < to)
            .OrderBy(a => a.Sequence)
            .Select(a => a.Json)
            .AsEnumerable()
            .Select(Encoding.UTF8.GetBytes)
            .ToList();
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

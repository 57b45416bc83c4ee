using System.Collections.Concurrent;
using System.Security.Cryptography;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line conversations of this server: live ones in memory, every one also in the
/// database, so a client reconnecting after a restart finds its conversation again.
/// </summary>
public sealed class DirectLineConversations(TimeProvider clock, ConversationStore store, IOptions<DirectLineOptions> options)
{
    public const string Channel = "directline";

    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public DirectLineConversation? Find(string id)
    {
        if (conversations.TryGetValue(id, out var live))
        {
            return live;
        }

        if (store.LoadNewest(id, options.Value.MaxActivitiesInMemory) is not { } stored)
        {
            return null;
        }

        var restored = Create(id, stored.Conversation.UserId, stored.Conversation.Locale);
        restored.Restore(stored.Count, stored.Newest, stored.LastTimestamp);
        return conversations.GetOrAdd(id, restored);
    }

    /// <summary>Starts the conversation, or returns it with false when it already exists (a token's conversation started before).</summary>
    public (DirectLineConversation Conversation, bool Created) Start(string id, string? userId, string? locale)
    {
        if (Find(id) is { } existing)
        {
            return (existing, false);
        }

        var created = false;
        var conversation = conversations.GetOrAdd(id, key =>
        {
            created = true;
            store.Started(key, Channel, userId, locale);
            return Create(key, userId, locale);
        });
        return (conversation, created);
    }

    /// <summary>
    /// Lets go of conversations nobody has written in or watched for <paramref name="idle"/>: the
    /// database keeps them (the writer stores changes within a fraction of a second), and
    /// <see cref="Find"/> reads one back if its client returns. Returns how many were let go.
    /// </summary>
    public int EvictIdle(TimeSpan idle)
    {
        var before = clock.GetUtcNow() - idle;
        var evicted = 0;
        foreach (var (id, conversation) in conversations)
        {
            if (conversation.LastActivityAt < before && !conversation.HasListeners && Evict(id))
            {
                evicted++;
            }
        }

        return evicted;
    }

    /// <summary>Lets go of one conversation's in-memory copy and state now; false when it was not in memory.</summary>
    public bool Evict(string id)
    {
        if (!conversations.TryRemove(id, out _))
        {
            return false;
        }

        store.Forget(id);
        return true;
    }

    public int LiveCount => conversations.Count;

    /// <summary>The conversations in memory now (each one live or recently so).</summary>
    public IEnumerable<DirectLineConversation> Live => conversations.Values;

    private DirectLineConversation Create(string id, string? userId, string? locale) =>
        new(id, userId, locale, clock, new StoredHistory(store, id), options.Value.MaxActivitiesInMemory);

    /// <summary>A conversation's transcript in the database: written by the store's batch writer, read back in pages.</summary>
    private sealed class StoredHistory(ConversationStore store, string id) : IDirectLineHistory
    {
        public void Record(int sequence, Activity activity, byte[] json, Action stored) => store.Recorded(id, sequence, activity, json, stored);

        public IReadOnlyList<byte[]> Read(int from, int to) => store.ReadTranscript(id, from, to);
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>The live Direct Line conversations of this server.</summary>
public sealed class DirectLineConversations(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> conversations = new(StringComparer.Ordinal);

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public DirectLineConversation? Find(string id) => conversations.GetValueOrDefault(id);

    /// <summary>Starts the conversation, or returns it with false when it already exists (a token's conversation started before).</summary>
    public (DirectLineConversation Conversation, bool Created) Start(string id, string? userId, string? locale)
    {
        var created = false;
        var conversation = conversations.GetOrAdd(id, key =>
        {
            created = true;
            return new DirectLineConversation(key, userId, locale, clock);
        });
        return (conversation, created);
    }
}

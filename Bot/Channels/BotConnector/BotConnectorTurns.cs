using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;

namespace Asystent.Bot.Channels.BotConnector;

/// <summary>
/// Runs Bot Connector turns after the request has been acknowledged: records the activity (masked),
/// lets the assistant answer and posts the replies to the channel.
/// </summary>
public sealed class BotConnectorTurns(TurnRunner turns, ConversationStore store, ConnectorClient connector, ILogger<BotConnectorTurns> logger) : IChannelAdapter
{
    // The last activity of each conversation: where to send messages outside a turn (a clerk's reply).
    // In memory only: after a restart, a conversation is reachable again from its next message.
    private readonly ConcurrentDictionary<string, Activity> references = new(StringComparer.Ordinal);

    public void Enqueue(Activity incoming) => _ = Task.Run(async () =>
    {
        try
        {
            await RunAsync(incoming, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "A Bot Connector turn could not be completed on {Channel}", incoming.ChannelId);
        }
    });

    public async Task RunAsync(Activity incoming, CancellationToken cancellationToken)
    {
        var key = Key(incoming.ChannelId!, incoming.Conversation!.Id!);
        references[key] = incoming;
        store.Started(key, incoming.ChannelId!, incoming.From?.Id, incoming.Locale);
        await turns.RunAsync(key, incoming, async replies =>
        {
            Record(key, incoming);
            await SendAsync(key, incoming, replies, incoming.Id, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The Bot Connector's channels (Teams, Slack…): the conversations this process has a reference for.</summary>
    public bool Owns(ConversationReference reference) => references.ContainsKey(reference.ConversationKey);

    public Task<bool> ContinueConversationAsync(ConversationReference reference, IReadOnlyList<Activity> activities, ChannelAccount? sender, CancellationToken cancellationToken) =>
        SendAsync(reference.ConversationKey, activities, cancellationToken);

    /// <summary>Sends activities to a conversation outside a turn (no reply-to); false when it is not known here.</summary>
    public async Task<bool> SendAsync(string key, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (!references.TryGetValue(key, out var reference))
        {
            return false;
        }

        await SendAsync(key, reference, activities, null, cancellationToken);
        return true;
    }

    private async Task SendAsync(string key, Activity reference, IReadOnlyList<Activity> activities, string? replyToId, CancellationToken cancellationToken)
    {
        foreach (var reply in activities)
        {
            reply.ChannelId = reference.ChannelId;
            reply.Conversation = reference.Conversation;
            reply.From = reference.Recipient;
            reply.Recipient = reference.From;
            reply.ReplyToId = replyToId;
            Record(key, reply);
            await connector.SendAsync(reference.ServiceUrl!, reference.Conversation!.Id!, replyToId, reply, cancellationToken);
        }
    }

    private void Record(string key, Activity activity)
    {
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.ConversationUpdate)
        {
            store.Recorded(key, store.NextSequence(key), activity);
        }
    }

    /// <summary>Conversation ids are unique per channel only; long ones (Teams) are shortened to a hash.</summary>
    internal static string Key(string channelId, string conversationId)
    {
        var key = $"{channelId}:{conversationId}";
        return key.Length <= 64 ? key : $"{channelId[..Math.Min(channelId.Length, 16)]}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)))[..40]}";
    }
}

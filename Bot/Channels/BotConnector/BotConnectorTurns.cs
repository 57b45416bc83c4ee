using System.Security.Cryptography;
using System.Text;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;

namespace Asystent.Bot.Channels.BotConnector;

/// <summary>
/// Runs Bot Connector turns after the request has been acknowledged: records the activity (masked),
/// lets the assistant answer and posts the replies to the channel.
/// </summary>
public sealed class BotConnectorTurns(TurnRunner turns, ConversationStore store, ConnectorClient connector, ILogger<BotConnectorTurns> logger)
{
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
        store.Started(key, incoming.ChannelId!, incoming.From?.Id, incoming.Locale);
        await turns.RunAsync(key, incoming, async replies =>
        {
            Record(key, incoming);
            foreach (var reply in replies)
            {
                reply.ChannelId = incoming.ChannelId;
                reply.Conversation = incoming.Conversation;
                reply.From = incoming.Recipient;
                reply.Recipient = incoming.From;
                reply.ReplyToId = incoming.Id;
                Record(key, reply);
                await connector.SendAsync(incoming.ServiceUrl!, incoming.Conversation.Id!, incoming.Id, reply, cancellationToken);
            }
        }, cancellationToken);
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

using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Channels.BotConnector;
using Asystent.Bot.Channels.DirectLine;
using Asystent.Bot.Channels.Messenger;

namespace Asystent.Bot.Channels;

/// <summary>
/// Sends activities into a conversation when no turn is running, on whatever channel it lives: a
/// clerk's reply, a changed queue position, the hand back to the assistant. Each channel records them
/// in the transcript the way it records a turn's replies.
/// </summary>
public sealed class ConversationDelivery(DirectLineConversations directLine, MessengerTurns messenger, BotConnectorTurns connector, ILogger<ConversationDelivery> logger)
{
    /// <summary>Delivers <paramref name="activities"/> as sent by <paramref name="sender"/> (the assistant when null); false when the conversation cannot be reached.</summary>
    public async Task<bool> SendAsync(string conversationKey, string channel, IReadOnlyList<Activity> activities, ChannelAccount? sender, CancellationToken cancellationToken)
    {
        try
        {
            switch (channel)
            {
                // Whatever channelId the client declared (Web Chat says "webchat").
                case var _ when IsDirectLine(conversationKey):
                    if (directLine.Find(conversationKey) is not { } conversation)
                    {
                        return false;
                    }

                    foreach (var activity in activities)
                    {
                        activity.From = sender ?? DirectLineTurns.BotAccount;
                        activity.Recipient = conversation.UserId is { } user ? new ChannelAccount { Id = user, Role = "user" } : null;
                        conversation.Append(activity);
                    }

                    return true;
                case MessengerTurns.ChannelId:
                    return await messenger.SendAsync(conversationKey, activities, sender is null ? MessengerSendKind.Update : MessengerSendKind.HumanAgent, cancellationToken);
                default:
                    return await connector.SendAsync(conversationKey, activities, cancellationToken);
            }
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "A message could not be delivered to a {Channel} conversation", channel);
            return false;
        }
    }

    /// <summary>Direct Line keys are bare conversation ids; the other channels' keys are "channel:conversation".</summary>
    public static bool IsDirectLine(string conversationKey) => !conversationKey.Contains(':', StringComparison.Ordinal);
}

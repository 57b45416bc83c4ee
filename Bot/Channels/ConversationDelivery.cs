using Asystent.Bot.Channels.Activities;

namespace Asystent.Bot.Channels;

/// <summary>
/// Sends activities into a conversation when no turn is running, through the adapter of the channel
/// it lives on: a clerk's reply, a changed queue position, the hand back to the assistant, the
/// satisfaction question.
/// </summary>
public sealed class ConversationDelivery(IEnumerable<IChannelAdapter> adapters, ILogger<ConversationDelivery> logger)
{
    /// <summary>Delivers <paramref name="activities"/> as sent by <paramref name="sender"/> (the assistant when null); false when the conversation cannot be reached.</summary>
    public async Task<bool> SendAsync(string conversationKey, string channel, IReadOnlyList<Activity> activities, ChannelAccount? sender, CancellationToken cancellationToken)
    {
        var reference = new ConversationReference(conversationKey, channel);
        if (adapters.FirstOrDefault(a => a.Owns(reference)) is not { } adapter)
        {
            return false;
        }

        try
        {
            return await adapter.ContinueConversationAsync(reference, activities, sender, cancellationToken);
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

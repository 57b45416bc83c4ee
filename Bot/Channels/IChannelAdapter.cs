using Asystent.Bot.Channels.Activities;

namespace Asystent.Bot.Channels;

/// <summary>Where a conversation lives: its key (as the turn pipeline knows it) and the channel it came through.</summary>
public sealed record ConversationReference(string ConversationKey, string Channel);

/// <summary>
/// A channel's side of the turn pipeline: it turns what arrives into turns, and delivers what the
/// assistant or a clerk says outside a turn (<see cref="ContinueConversationAsync"/>), recording it
/// in the transcript as it records a turn's replies.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>Whether the conversation lives on this channel.</summary>
    bool Owns(ConversationReference reference);

    /// <summary>Delivers activities as sent by <paramref name="sender"/> (the assistant when null); false when the conversation cannot be reached now.</summary>
    Task<bool> ContinueConversationAsync(ConversationReference reference, IReadOnlyList<Activity> activities, ChannelAccount? sender, CancellationToken cancellationToken);
}

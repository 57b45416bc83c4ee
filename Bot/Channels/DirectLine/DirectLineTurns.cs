using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// Hands each posted activity to the turn pipeline after it has been echoed, and appends the replies
/// (replyToId = the echoed activity, so Web Chat shows them at once).
/// </summary>
public sealed class DirectLineTurns(TurnRunner turns, DirectLineConversations conversations, IOptions<DirectLineOptions> options, TimeProvider clock) : IChannelAdapter
{
    public static readonly ChannelAccount BotAccount = new() { Id = "asystent", Name = "Asystent", Role = "bot" };

    /// <summary>Whatever channelId the client declared (Web Chat says "webchat"), a Direct Line key is a bare conversation id.</summary>
    public bool Owns(ConversationReference reference) => ConversationDelivery.IsDirectLine(reference.ConversationKey);

    /// <summary>Appends to the conversation's stream, when it is still open here.</summary>
    public Task<bool> ContinueConversationAsync(ConversationReference reference, IReadOnlyList<Activity> activities, ChannelAccount? sender, CancellationToken cancellationToken)
    {
        if (conversations.Find(reference.ConversationKey) is not { } conversation)
        {
            return Task.FromResult(false);
        }

        foreach (var activity in activities)
        {
            activity.From = sender ?? BotAccount;
            activity.Recipient = conversation.UserId is { } user ? new ChannelAccount { Id = user, Role = "user" } : null;
            conversation.Append(activity);
        }

        return Task.FromResult(true);
    }

    public async Task RunAsync(DirectLineConversation conversation, Activity incoming, CancellationToken cancellationToken)
    {
        using var typing = incoming.Type == ActivityTypes.Message
            ? new TypingIndicator(conversation, incoming.From, TimeSpan.FromMilliseconds(options.Value.TypingDelayMilliseconds), clock)
            : null;
        await turns.RunAsync(conversation.Id, incoming, replies =>
        {
            typing?.Stop();
            foreach (var reply in replies)
            {
                reply.From = BotAccount;
                reply.Recipient = incoming.From;
                reply.ReplyToId ??= incoming.Type == ActivityTypes.Message ? incoming.Id : null;
                conversation.Append(reply);
            }

            return Task.CompletedTask;
        }, cancellationToken);
    }
}

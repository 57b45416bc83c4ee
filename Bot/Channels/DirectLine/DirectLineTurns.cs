using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// Hands each posted activity to the turn pipeline after it has been echoed, and appends the replies
/// (replyToId = the echoed activity, so Web Chat shows them at once).
/// </summary>
public sealed class DirectLineTurns(TurnRunner turns)
{
    public static readonly ChannelAccount BotAccount = new() { Id = "asystent", Name = "Asystent", Role = "bot" };

    public Task RunAsync(DirectLineConversation conversation, Activity incoming, CancellationToken cancellationToken)
    {
        if (incoming.Type == ActivityTypes.Message)
        {
            // "The assistant is writing…": live only (not kept in history), and without text, since
            // Web Chat reads a typing activity with text as a streamed message.
            conversation.Append(new Activity { Type = ActivityTypes.Typing, From = BotAccount, Recipient = incoming.From });
        }

        return turns.RunAsync(conversation.Id, incoming, replies =>
        {
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

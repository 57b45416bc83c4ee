using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// Hands each posted activity to the turn pipeline after it has been echoed, and appends the replies
/// (replyToId = the echoed activity, so Web Chat shows them at once).
/// </summary>
public sealed class DirectLineTurns(TurnRunner turns, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    public static readonly ChannelAccount BotAccount = new() { Id = "asystent", Name = "Asystent", Role = "bot" };

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

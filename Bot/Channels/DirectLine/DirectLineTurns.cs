using System.Collections.Concurrent;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// Hands each posted activity to the assistant after it has been echoed, and appends the replies
/// (replyToId = the echoed activity, so Web Chat shows them at once). Turns of one conversation run
/// one at a time, in order; a failing turn becomes an apology, never a lost message.
/// </summary>
public sealed class DirectLineTurns(AssistantBot bot, ILogger<DirectLineTurns> logger)
{
    public static readonly ChannelAccount BotAccount = new() { Id = "asystent", Name = "Asystent", Role = "bot" };

    private readonly ConcurrentDictionary<string, SemaphoreSlim> turnLocks = new(StringComparer.Ordinal);

    public async Task RunAsync(DirectLineConversation conversation, Activity incoming, CancellationToken cancellationToken)
    {
        var turnLock = turnLocks.GetOrAdd(conversation.Id, _ => new SemaphoreSlim(1, 1));
        await turnLock.WaitAsync(cancellationToken);
        try
        {
            if (incoming.Type == ActivityTypes.Message)
            {
                // "The assistant is writing…": live only (not kept in history), and without text, since
                // Web Chat reads a typing activity with text as a streamed message.
                conversation.Append(new Activity { Type = ActivityTypes.Typing, From = BotAccount, Recipient = incoming.From });
            }

            IReadOnlyList<Activity> replies;
            try
            {
                replies = await bot.OnTurnAsync(incoming, conversation.Id, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A turn failed in conversation {ConversationId}", conversation.Id);
                replies = [bot.Apology(incoming)];
            }

            foreach (var reply in replies)
            {
                reply.From = BotAccount;
                reply.Recipient = incoming.From;
                reply.ReplyToId ??= incoming.Type == ActivityTypes.Message ? incoming.Id : null;
                conversation.Append(reply);
            }
        }
        finally
        {
            turnLock.Release();
        }
    }
}

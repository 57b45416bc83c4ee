using Asystent.Bot.Channels.Activities;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// Shows "the assistant is writing…" in a conversation when a turn's answer has not come within a
/// delay, and never after the answer: stopping and sending are serialised, so the indicator cannot
/// overtake the reply it announces. Typing is live only and carries no text (Web Chat would read
/// a typing activity with text as a streamed message).
/// </summary>
public sealed class TypingIndicator : IDisposable
{
    private readonly Lock gate = new();
    private readonly DirectLineConversation conversation;
    private readonly ChannelAccount? recipient;
    private readonly ITimer? timer;
    private bool stopped;

    public TypingIndicator(DirectLineConversation conversation, ChannelAccount? recipient, TimeSpan delay, TimeProvider clock)
    {
        this.conversation = conversation;
        this.recipient = recipient;
        if (delay <= TimeSpan.Zero)
        {
            Show();
        }
        else
        {
            timer = clock.CreateTimer(_ => Show(), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The answer is here: no indicator from now on.</summary>
    public void Stop()
    {
        lock (gate)
        {
            stopped = true;
        }

        timer?.Dispose();
    }

    public void Dispose() => Stop();

    private void Show()
    {
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            conversation.Append(new Activity { Type = ActivityTypes.Typing, From = DirectLineTurns.BotAccount, Recipient = recipient });
        }
    }
}

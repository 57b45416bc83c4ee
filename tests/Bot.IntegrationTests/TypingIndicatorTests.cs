using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Channels.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace Asystent.Bot.IntegrationTests;

/// <summary>"Writing…" appears only for an answer that takes a while, never after the answer.</summary>
public sealed class TypingIndicatorTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void A_slow_answer_is_announced_once_the_delay_has_passed()
    {
        var conversation = new DirectLineConversation("c1", "u1", "pl-PL", clock);
        var (_, live, close) = conversation.Subscribe();
        using var typing = new TypingIndicator(conversation, new ChannelAccount { Id = "u1" }, Delay, clock);

        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(live.TryRead(out _));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(live.TryRead(out var set));
        var activity = ActivityJson.Parse(Assert.Single(set.Activities));
        Assert.Equal(ActivityTypes.Typing, activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal("u1", activity.Recipient?.Id);
        // Live only: it takes no place in the transcript.
        Assert.Empty(conversation.Since(null).Activities);
        close();
    }

    [Fact]
    public void A_quick_answer_is_not_announced_and_nothing_comes_after_it()
    {
        var conversation = new DirectLineConversation("c2", "u1", "pl-PL", clock);
        var (_, live, close) = conversation.Subscribe();
        var typing = new TypingIndicator(conversation, null, Delay, clock);

        typing.Stop();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(live.TryRead(out _));
        close();
    }

    [Fact]
    public void Without_a_delay_it_is_shown_at_once()
    {
        var conversation = new DirectLineConversation("c3", "u1", "pl-PL", clock);
        var (_, live, close) = conversation.Subscribe();
        using var typing = new TypingIndicator(conversation, null, TimeSpan.Zero, clock);

        Assert.True(live.TryRead(out var set));
        Assert.Equal(ActivityTypes.Typing, ActivityJson.Parse(Assert.Single(set.Activities)).Type);
        close();
    }
}

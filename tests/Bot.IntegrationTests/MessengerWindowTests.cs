using Asystent.Bot.Channels.Messenger;

namespace Asystent.Bot.IntegrationTests;

/// <summary>Facebook's messaging window: free for 24 hours after the person's last message, then only a human agent's reply (tagged) for 7 days.</summary>
public sealed class MessengerWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Inside_the_24_hours_anything_goes_untagged()
    {
        Assert.Equal(new MessengerSendMode("UPDATE"), MessengerWindow.Decide(MessengerSendKind.Update, Now.AddHours(-23), Now));
        Assert.Equal(new MessengerSendMode("RESPONSE"), MessengerWindow.Decide(MessengerSendKind.HumanAgent, Now.AddHours(-23), Now));
    }

    [Fact]
    public void After_24_hours_only_a_clerk_may_write_with_the_human_agent_tag_for_7_days()
    {
        Assert.Null(MessengerWindow.Decide(MessengerSendKind.Update, Now.AddHours(-25), Now));
        Assert.Equal(new MessengerSendMode("MESSAGE_TAG", "HUMAN_AGENT"), MessengerWindow.Decide(MessengerSendKind.HumanAgent, Now.AddDays(-3), Now));
        Assert.Null(MessengerWindow.Decide(MessengerSendKind.HumanAgent, Now.AddDays(-8), Now));
        Assert.Null(MessengerWindow.Decide(MessengerSendKind.HumanAgent, null, Now));
    }
}

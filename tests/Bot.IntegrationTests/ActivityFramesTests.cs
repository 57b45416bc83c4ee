using System.Buffers;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Channels.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The Direct Line activity sets written around the stored JSON, alone or several as one stream message.</summary>
public sealed class ActivityFramesTests
{
    private readonly DirectLineConversation conversation = new("c1", "u1", "pl-PL", new FakeTimeProvider());

    [Fact]
    public void An_echo_and_its_reply_go_as_one_set_with_the_last_watermark()
    {
        var (_, live, close) = conversation.Subscribe();
        var echoId = conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "gdzie zarejestrować auto?", From = new ChannelAccount { Id = "u1" } });
        var replyId = conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "Wydział Komunikacji, pokój 12", ReplyToId = echoId, From = DirectLineTurns.BotAccount });
        Assert.True(live.TryRead(out var echo));
        Assert.True(live.TryRead(out var reply));
        close();

        var message = new ArrayBufferWriter<byte>();
        ActivityFrames.Write(message, [echo, reply]);

        using var set = JsonDocument.Parse(message.WrittenMemory);
        var activities = set.RootElement.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal([echoId, replyId], activities.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(echoId, activities[1].GetProperty("replyToId").GetString());
        Assert.Equal("2", set.RootElement.GetProperty("watermark").GetString());
    }

    [Fact]
    public void A_polling_answer_holds_what_came_after_the_watermark()
    {
        conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "pierwsza" });
        conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "druga \"w cudzysłowie\"" });

        using var set = JsonDocument.Parse(ActivityFrames.Frame(conversation.Since("1")));

        var activity = Assert.Single(set.RootElement.GetProperty("activities").EnumerateArray().ToList());
        Assert.Equal("druga \"w cudzysłowie\"", activity.GetProperty("text").GetString());
        Assert.Equal("2", set.RootElement.GetProperty("watermark").GetString());
    }

    [Fact]
    public void Nothing_after_the_last_watermark_is_an_empty_set()
    {
        conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "jedna" });

        using var set = JsonDocument.Parse(ActivityFrames.Frame(conversation.Since("1")));

        Assert.Empty(set.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("1", set.RootElement.GetProperty("watermark").GetString());
    }
}

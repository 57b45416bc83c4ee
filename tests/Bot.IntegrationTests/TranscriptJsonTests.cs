using System.Text;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;

namespace Asystent.Bot.IntegrationTests;

/// <summary>A masked transcript entry is the activity as if it had been serialised with the masked text.</summary>
public sealed class TranscriptJsonTests
{
    [Theory]
    [InlineData("Mój PESEL to 44051401458, tel. 600 123 456", "Mój PESEL to [PESEL], tel. [telefon]")]
    [InlineData("cudzysłów \" i ukośnik \\ oraz łódź", "cudzysłów \" i ukośnik \\ oraz [masked]")]
    public void Swapping_the_text_gives_the_same_json_as_serialising_again(string original, string masked)
    {
        var activity = new Activity
        {
            Id = "c|0000001",
            Text = original,
            From = new ChannelAccount { Id = "u1" },
            // Actions and cards have "text" properties of their own, after the activity's.
            SuggestedActions = new SuggestedActions { Actions = [new CardAction { Title = original, Text = original }] },
            Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = JsonSerializer.SerializeToElement(new { type = "TextBlock", text = original }) }],
        };
        var json = ActivityJson.ToUtf8(activity);

        var stored = TranscriptJson.WithText(json, activity, original, masked);

        Assert.Equal(JsonSerializer.Serialize(activity.WithText(masked), ActivityJson.Options), Encoding.UTF8.GetString(stored));
    }

    [Fact]
    public void A_reply_sent_again_is_masked_again()
    {
        var text = "Zadzwoń pod 32 123 45 67 albo przyjdź do pokoju 12.";
        foreach (var id in new[] { "c|0000001", "c|0000003" })
        {
            var reply = new Activity { Id = id, Text = text, From = new ChannelAccount { Id = "asystent", Role = "bot" } };

            var stored = TranscriptJson.Stored(ActivityJson.ToUtf8(reply), reply);

            Assert.Equal(JsonSerializer.Serialize(reply.WithText("Zadzwoń pod [telefon] albo przyjdź do pokoju 12."), ActivityJson.Options), Encoding.UTF8.GetString(stored));
        }
    }

    [Fact]
    public void Text_without_personal_data_is_stored_as_it_was_sent()
    {
        var message = new Activity { Id = "c|0000002", Text = "gdzie zarejestrować samochód?", From = new ChannelAccount { Id = "u1", Role = "user" } };
        var json = ActivityJson.ToUtf8(message);

        Assert.Same(json, TranscriptJson.Stored(json, message));
    }
}

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
    public void The_assistants_reply_is_stored_as_sent_with_the_offices_phone()
    {
        var text = "Zadzwoń pod 32 123 45 67 albo przyjdź do pokoju 12.";
        var reply = new Activity { Id = "c|0000001", Text = text, From = new ChannelAccount { Id = "asystent", Role = "bot" } };
        var json = ActivityJson.ToUtf8(reply);

        Assert.Same(json, TranscriptJson.Stored(json, reply, new ResidentData()));
    }

    [Fact]
    public void A_reply_repeating_what_the_resident_typed_is_masked_there_only()
    {
        var resident = new ResidentData();
        var message = new Activity { Id = "c|0000001", Text = "mój numer to 600 123 456, proszę o SMS", From = new ChannelAccount { Id = "u1", Role = "user" } };
        var storedMessage = TranscriptJson.Stored(ActivityJson.ToUtf8(message), message, resident);
        var reply = new Activity { Id = "c|0000002", Text = "Wyślę SMS na 600 123 456. Pytania: 32 123 45 67.", From = new ChannelAccount { Id = "asystent", Role = "bot" } };

        var storedReply = TranscriptJson.Stored(ActivityJson.ToUtf8(reply), reply, resident);

        Assert.DoesNotContain("600 123 456", Encoding.UTF8.GetString(storedMessage), StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(reply.WithText("Wyślę SMS na [telefon]. Pytania: 32 123 45 67."), ActivityJson.Options), Encoding.UTF8.GetString(storedReply));
    }

    [Theory]
    [InlineData("tel. 600 123 456 i 601 222 333", "600 123 456", "601 222 333")]
    [InlineData("PESEL 44051401458.", "44051401458", null)]
    public void The_values_the_masker_replaced_are_found(string original, string first, string? second)
    {
        Assert.True(ResidentData.Replaced(original, Asystent.KnowledgeBase.Privacy.PersonalDataMasker.Mask(original), out var found));

        Assert.Equal(second is null ? [first] : [first, second], found.Select(f => f.Value));
    }

    [Fact]
    public void Text_without_personal_data_is_stored_as_it_was_sent()
    {
        var message = new Activity { Id = "c|0000002", Text = "gdzie zarejestrować samochód?", From = new ChannelAccount { Id = "u1", Role = "user" } };
        var json = ActivityJson.ToUtf8(message);

        Assert.Same(json, TranscriptJson.Stored(json, message, new ResidentData()));
    }
}

using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Asystent.Bot.Channels.Activities;

/// <summary>
/// A Bot Framework activity as it travels on the wire (Activity schema 3.x). Only the fields the
/// assistant reads or writes are typed; anything else a client sends in channelData, entities or
/// value is kept verbatim, because Web Chat relies on getting its own channelData back.
/// </summary>
public sealed class Activity
{
    public string Type { get; set; } = ActivityTypes.Message;
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public string? AttachmentLayout { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? ReplyToId { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Fields the schema has that this class does not type: kept so nothing a client sent is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The same activity with another text (e.g. masked for the transcript); the rest is shared, not copied.</summary>
    public Activity WithText(string? text)
    {
        var copy = (Activity)MemberwiseClone();
        copy.Text = text;
        return copy;
    }
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction> Actions { get; set; } = [];
}

public sealed class CardAction
{
    public string Type { get; set; } = "imBack";
    public string? Title { get; set; }
    public JsonElement? Value { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
}

/// <summary>The JSON settings the Bot Framework clients expect: camelCase, nulls left out.</summary>
public static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Polish and Cyrillic letters as themselves, not \u escapes: a third of the bytes on the wire.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>
    /// The activity as the clients expect it, in UTF-8. <paramref name="kept"/> JSON (a transcript
    /// entry, kept for the conversation's life) goes straight to the pinned object heap, which young
    /// collections neither copy nor scan.
    /// </summary>
    public static byte[] ToUtf8(Activity activity, bool kept = false)
    {
        if (!kept)
        {
            return JsonSerializer.SerializeToUtf8Bytes(activity, Options);
        }

        var buffer = Buffers.Value!;
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, activity, Options);
        }

        var json = GC.AllocateUninitializedArray<byte>(buffer.WrittenCount, pinned: true);
        buffer.WrittenSpan.CopyTo(json);
        return json;
    }

    /// <summary>Activities from JSON written by <see cref="ToUtf8"/>.</summary>
    public static Activity Parse(byte[] json) => JsonSerializer.Deserialize<Activity>(json, Options)!;

    private static readonly ThreadLocal<ArrayBufferWriter<byte>> Buffers = new(() => new ArrayBufferWriter<byte>(16 * 1024));
}

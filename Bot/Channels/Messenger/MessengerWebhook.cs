using System.Text.Json.Serialization;

namespace Asystent.Bot.Channels.Messenger;

/// <summary>A webhook delivery: one or more entries, each with one or more messaging events (only the parts the assistant reads).</summary>
public sealed record MessengerDelivery(
    [property: JsonPropertyName("object")] string? Kind,
    [property: JsonPropertyName("entry")] List<MessengerEntry>? Entry);

public sealed record MessengerEntry(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("messaging")] List<MessengerEvent>? Messaging);

public sealed record MessengerEvent(
    [property: JsonPropertyName("sender")] MessengerParty? Sender,
    [property: JsonPropertyName("recipient")] MessengerParty? Recipient,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("message")] MessengerMessage? Message,
    [property: JsonPropertyName("postback")] MessengerPostback? Postback);

public sealed record MessengerParty([property: JsonPropertyName("id")] string? Id);

public sealed record MessengerMessage(
    [property: JsonPropertyName("mid")] string? Mid,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("is_echo")] bool IsEcho,
    [property: JsonPropertyName("quick_reply")] MessengerQuickReply? QuickReply);

public sealed record MessengerQuickReply([property: JsonPropertyName("payload")] string? Payload);

public sealed record MessengerPostback(
    [property: JsonPropertyName("mid")] string? Mid,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("payload")] string? Payload);

using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Privacy;

namespace Asystent.Bot.Conversation;

/// <summary>
/// The stored form of a transcript entry: the JSON the client was sent, with personal data in what the
/// resident typed masked. The assistant's own replies are stored as sent (they hold the office's
/// public data: its phone numbers, addresses, opening hours), except where they repeat the resident's
/// own data (<see cref="ResidentData"/>).
/// </summary>
public static class TranscriptJson
{
    private static readonly byte[] TextProperty = "\"text\":"u8.ToArray();

    /// <summary>The JSON to store for <paramref name="activity"/>, written as <paramref name="json"/>; <paramref name="resident"/> is the conversation's.</summary>
    public static byte[] Stored(byte[] json, Activity activity, ResidentData resident)
    {
        if (activity.Text is not { } text)
        {
            return json;
        }

        string masked;
        if (activity.From?.Role == "bot")
        {
            masked = resident.MaskIn(text);
        }
        else
        {
            masked = PersonalDataMasker.Mask(text);
            if (masked != text)
            {
                resident.Learn(text, masked);
            }
        }

        return masked == text ? json : Swap(json, activity, new Mask(text, Property(text), masked, Property(masked)));
    }

    /// <summary>
    /// The activity's JSON with its text replaced by the masked text. The serialised activity's own
    /// "text" comes before its attachments and actions, so the first <c>"text":"…original…"</c> is
    /// it: swapping that value is cheaper than serialising the whole activity (with its card) again.
    /// </summary>
    public static byte[] WithText(byte[] json, Activity activity, string original, string masked) =>
        Swap(json, activity, new Mask(original, Property(original), masked, Property(masked)));

    private static byte[] Swap(byte[] json, Activity activity, Mask mask)
    {
        var at = json.AsSpan().IndexOf(mask.From);
        if (at < 0)
        {
            return ActivityJson.ToUtf8(activity.WithText(mask.Masked));
        }

        var result = new byte[json.Length - mask.From.Length + mask.To.Length];
        json.AsSpan(0, at).CopyTo(result);
        mask.To.CopyTo(result, at);
        json.AsSpan(at + mask.From.Length).CopyTo(result.AsSpan(at + mask.To.Length));
        return result;
    }

    // "text":"…" encoded exactly as the activity serialiser writes it (same encoder).
    private static byte[] Property(string value)
    {
        var encoded = JsonEncodedText.Encode(value, ActivityJson.Options.Encoder).EncodedUtf8Bytes;
        var property = new byte[TextProperty.Length + encoded.Length + 2];
        TextProperty.CopyTo(property, 0);
        property[TextProperty.Length] = (byte)'"';
        encoded.CopyTo(property.AsSpan(TextProperty.Length + 1));
        property[^1] = (byte)'"';
        return property;
    }

    /// <summary>A text and its masked form, each as its <c>"text"</c> property is written.</summary>
    private sealed record Mask(string Text, byte[] From, string Masked, byte[] To);
}

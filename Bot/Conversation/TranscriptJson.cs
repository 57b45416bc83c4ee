using System.Runtime.CompilerServices;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Privacy;

namespace Asystent.Bot.Conversation;

/// <summary>The stored form of a transcript entry: the JSON the client was sent, with personal data in its text masked.</summary>
public static class TranscriptJson
{
    private static readonly byte[] TextProperty = "\"text\":"u8.ToArray();

    // The assistant's own texts recur (a card's answer is one string per card, language and office
    // day, a phrase one per language) and an answer names the office's phone number, so nearly every
    // reply needs masking: its mask is remembered by the string's identity, not worked out per reply.
    private static readonly Mask?[] RecentReplies = new Mask?[1024];

    /// <summary>The JSON to store for <paramref name="activity"/>, written as <paramref name="json"/>.</summary>
    public static byte[] Stored(byte[] json, Activity activity)
    {
        if (activity.Text is not { } text)
        {
            return json;
        }

        var mask = activity.From?.Role == "bot" ? ReplyMask(text) : MaskOf(text);
        return mask.From is null ? json : Swap(json, activity, mask);
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

        var result = new byte[json.Length - mask.From!.Length + mask.To!.Length];
        json.AsSpan(0, at).CopyTo(result);
        mask.To.CopyTo(result, at);
        json.AsSpan(at + mask.From.Length).CopyTo(result.AsSpan(at + mask.To.Length));
        return result;
    }

    private static Mask ReplyMask(string text)
    {
        ref var slot = ref RecentReplies[(RuntimeHelpers.GetHashCode(text) & int.MaxValue) % RecentReplies.Length];
        var known = Volatile.Read(ref slot);
        if (known is not null && ReferenceEquals(known.Text, text))
        {
            return known;
        }

        var mask = MaskOf(text);
        Volatile.Write(ref slot, mask);
        return mask;
    }

    private static Mask MaskOf(string text) => PersonalDataMasker.Mask(text) is var masked && masked != text
        ? new Mask(text, Property(text), masked, Property(masked))
        : new Mask(text, null, text, null);

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

    /// <summary>A text, and when it holds personal data, its <c>"text"</c> property as written and as stored.</summary>
    private sealed record Mask(string Text, byte[]? From, string Masked, byte[]? To);
}

using System.Text;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;

namespace Asystent.Bot.Conversation;

/// <summary>The stored form of a transcript entry whose text had to be masked.</summary>
public static class TranscriptJson
{
    private static readonly byte[] TextProperty = "\"text\":"u8.ToArray();

    /// <summary>
    /// The activity's JSON with its text replaced by the masked text. The serialised activity's own
    /// "text" comes before its attachments and actions, so the first <c>"text":"…original…"</c> is
    /// it: swapping that value is cheaper than serialising the whole activity (with its card) again.
    /// </summary>
    public static string WithText(byte[] json, Activity activity, string original, string masked)
    {
        var from = Property(original);
        var at = json.AsSpan().IndexOf(from);
        if (at < 0)
        {
            return JsonSerializer.Serialize(activity.WithText(masked), ActivityJson.Options);
        }

        var to = Property(masked);
        var result = new byte[json.Length - from.Length + to.Length];
        json.AsSpan(0, at).CopyTo(result);
        to.CopyTo(result, at);
        json.AsSpan(at + from.Length).CopyTo(result.AsSpan(at + to.Length));
        return Encoding.UTF8.GetString(result);
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
}

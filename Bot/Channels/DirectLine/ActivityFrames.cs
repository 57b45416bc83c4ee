using System.Text;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// Writes an activity as JSON once, at the moment it joins a conversation, and the stream frame
/// that carries it: the transcript store and every WebSocket watching the conversation reuse the
/// same bytes instead of serialising the activity (with its Adaptive Card) again each.
/// </summary>
public static class ActivityFrames
{
    private static readonly byte[] Start = "{\"activities\":["u8.ToArray();
    private static readonly byte[] Middle = "],\"watermark\":\""u8.ToArray();
    private static readonly byte[] End = "\"}"u8.ToArray();

    public static byte[] Serialize(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options);

    /// <summary>
    /// The Direct Line stream message for one activity, <c>{"activities":[…],"watermark":"N"}</c>,
    /// in one exact-size array. The watermark is a decimal count, so it needs no escaping.
    /// </summary>
    public static byte[] Frame(byte[] activityJson, string watermark)
    {
        var frame = new byte[Start.Length + activityJson.Length + Middle.Length + watermark.Length + End.Length];
        var at = 0;
        foreach (var part in (ReadOnlySpan<byte[]>)[Start, activityJson, Middle])
        {
            part.CopyTo(frame, at);
            at += part.Length;
        }

        at += Encoding.ASCII.GetBytes(watermark, frame.AsSpan(at));
        End.CopyTo(frame, at);
        return frame;
    }
}

using System.Text;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line stream message around an activity's JSON, written once when the activity joins
/// its conversation: every WebSocket watching the conversation sends the same bytes, and the
/// transcript row reuses the activity's JSON, instead of each serialising the activity (with its
/// Adaptive Card) again.
/// </summary>
public static class ActivityFrames
{
    private static readonly byte[] Start = "{\"activities\":["u8.ToArray();
    private static readonly byte[] Middle = "],\"watermark\":\""u8.ToArray();
    private static readonly byte[] End = "\"}"u8.ToArray();

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

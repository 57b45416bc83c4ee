using System.Buffers;
using System.Text;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line activity set, <c>{"activities":[…],"watermark":"N"}</c>, written around the
/// activities' JSON as it was stored when each joined its conversation: the stream, the polling
/// reply and a reconnect's replay send those bytes instead of serialising every activity (with its
/// Adaptive Card) again.
/// </summary>
public static class ActivityFrames
{
    private static ReadOnlySpan<byte> Start => "{\"activities\":["u8;

    private static ReadOnlySpan<byte> Middle => "],\"watermark\":\""u8;

    private static ReadOnlySpan<byte> End => "\"}"u8;

    /// <summary>
    /// One message for consecutive sets, in order; its watermark is the last set's. The watermark is
    /// a decimal count, so it needs no escaping.
    /// </summary>
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<ActivitySet> sets)
    {
        output.Write(Start);
        var first = true;
        foreach (var set in sets)
        {
            foreach (var json in set.Activities)
            {
                if (!first)
                {
                    output.Write(","u8);
                }

                output.Write(json);
                first = false;
            }
        }

        output.Write(Middle);
        var watermark = sets[^1].Watermark;
        var span = output.GetSpan(watermark.Length);
        output.Advance(Encoding.ASCII.GetBytes(watermark, span));
        output.Write(End);
    }

    /// <summary>One set on its own (a polling client's answer).</summary>
    public static ReadOnlyMemory<byte> Frame(ActivitySet set)
    {
        var output = new ArrayBufferWriter<byte>(set.Activities.Sum(a => a.Length + 1) + 64);
        Write(output, [set]);
        return output.WrittenMemory;
    }
}

using System.Globalization;
using System.Threading.Channels;
using Asystent.Bot.Channels.Activities;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// A batch of activities, each as its JSON (written once when it joined the conversation), and the
/// watermark after the last of them, as Direct Line sends it.
/// </summary>
public sealed record ActivitySet(IReadOnlyList<byte[]> Activities, string Watermark);

/// <summary>
/// One Direct Line conversation: its ordered transcript and the WebSocket streams watching it. The
/// watermark is the position in the transcript; a client reconnecting with a watermark gets exactly
/// what came after it. Thread-safe: posts, bot replies and stream readers meet here.
/// The transcript keeps each activity as the JSON the clients receive, in arrays that live outside
/// the young generation: the conversations of a busy day are memory every young collection would
/// otherwise copy and trace again, and the clients only ever need the bytes.
/// </summary>
public sealed class DirectLineConversation(string id, string? userId, string? locale, TimeProvider clock, Action<int, Activity, byte[]>? recorded = null)
{
    private readonly Lock gate = new();
    private readonly List<byte[]> transcript = [];
    private readonly List<Channel<ActivitySet>> streams = [];
    private DateTimeOffset lastTimestamp = DateTimeOffset.MinValue;

    public string Id { get; } = id;
    public string? UserId { get; set; } = userId;
    public string? Locale { get; set; } = locale;
    public DateTimeOffset LastActivityAt { get; private set; } = clock.GetUtcNow();

    /// <summary>Whether a client is watching the stream right now.</summary>
    public bool HasListeners
    {
        get
        {
            lock (gate)
            {
                return streams.Count > 0;
            }
        }
    }

    /// <summary>Stamps the activity with its id, a strictly increasing UTC timestamp and the conversation, stores (unless typing) and broadcasts it.</summary>
    public string Append(Activity activity)
    {
        ActivitySet set;
        Channel<ActivitySet>[] listeners;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            // Web Chat orders by timestamp: two activities in the same tick must still be ordered.
            lastTimestamp = now > lastTimestamp ? now : lastTimestamp.AddTicks(1);
            activity.Timestamp = lastTimestamp;
            activity.Conversation = new ConversationAccount { Id = Id };
            activity.ChannelId ??= "directline";
            // Typing is live only: streamed, never part of the transcript, so it takes no watermark.
            var live = activity.Type == ActivityTypes.Typing;
            activity.Id = live ? $"{Id}|typing-{lastTimestamp.UtcTicks}" : $"{Id}|{transcript.Count:D7}";
            var json = ActivityJson.ToUtf8(activity, kept: !live);
            if (!live)
            {
                transcript.Add(json);
                recorded?.Invoke(transcript.Count - 1, activity, json);
            }

            LastActivityAt = now;
            set = new ActivitySet([json], Watermark(transcript.Count));
            listeners = streams.ToArray();
        }

        foreach (var listener in listeners)
        {
            listener.Writer.TryWrite(set);
        }

        return activity.Id;
    }

    /// <summary>Activities after the watermark. Typing indicators are not part of history (Direct Line delivers them only live).</summary>
    public ActivitySet Since(string? watermark)
    {
        lock (gate)
        {
            return SinceHeld(watermark);
        }
    }

    /// <summary>Opens a live stream: first everything after the watermark, then each new activity.</summary>
    public (ActivitySet Replay, ChannelReader<ActivitySet> Live, Action Close) Subscribe(string? watermark)
    {
        var channel = Channel.CreateBounded<ActivitySet>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (gate)
        {
            var replay = SinceHeld(watermark);
            streams.Add(channel);
            return (replay, channel.Reader, () =>
            {
                lock (gate)
                {
                    streams.Remove(channel);
                }

                channel.Writer.TryComplete();
            });
        }
    }

    /// <summary>Puts back a transcript read from the database (after a restart), before any new activity.</summary>
    public void Restore(IEnumerable<Activity> activities)
    {
        lock (gate)
        {
            foreach (var activity in activities)
            {
                transcript.Add(ActivityJson.ToUtf8(activity, kept: true));
                lastTimestamp = activity.Timestamp ?? lastTimestamp;
            }
        }
    }

    private ActivitySet SinceHeld(string? watermark) =>
        new(transcript[Position(watermark)..], Watermark(transcript.Count));

    private int Position(string? watermark) =>
        int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? Math.Clamp(position, 0, transcript.Count) : 0;

    private static string Watermark(int count) => count.ToString(CultureInfo.InvariantCulture);
}

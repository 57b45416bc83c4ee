using System.Globalization;
using System.Threading.Channels;
using Asystent.Bot.Channels.Activities;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// A batch of activities, each as its JSON (written once when it joined the conversation), and the
/// watermark after the last of them, as Direct Line sends it.
/// </summary>
public sealed record ActivitySet(IReadOnlyList<byte[]> Activities, string Watermark);

/// <summary>What a conversation needs from the database: to store an activity, and to read back older ones.</summary>
public interface IDirectLineHistory
{
    /// <summary>Queues the activity for storing; <paramref name="stored"/> is called once it is committed, in the order of the calls.</summary>
    void Record(int sequence, Activity activity, byte[] json, Action stored);

    /// <summary>The stored activities from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), in order.</summary>
    IReadOnlyList<byte[]> Read(int from, int to);
}

/// <summary>
/// One Direct Line conversation: its ordered transcript and the WebSocket streams watching it. The
/// watermark is the position in the transcript; a client reconnecting with a watermark gets exactly
/// what came after it. Thread-safe: posts, bot replies and stream readers meet here.
/// An activity becomes visible (streamed, polled, acknowledged) only once the database has committed
/// it: what a client has seen survives a crash, so after a restart no id or watermark goes back and
/// no acknowledged message is missing. Only the latest activities stay in memory (the newest
/// <c>MaxInMemory</c>); older ones are read from the database when a client asks for them.
/// The transcript keeps each activity as the JSON the clients receive, in arrays that live outside
/// the young generation: the conversations of a busy day are memory every young collection would
/// otherwise copy and trace again, and the clients only ever need the bytes.
/// </summary>
public sealed class DirectLineConversation(string id, string? userId, string? locale, TimeProvider clock, IDirectLineHistory? history = null, int maxInMemory = 500)
{
    private readonly Lock gate = new();
    // The newest activities; window[0] is the one at position windowStart.
    private readonly List<byte[]> window = [];
    private readonly List<Channel<ActivitySet>> streams = [];
    private readonly List<(int Count, TaskCompletionSource Done)> waiters = [];
    private int windowStart;
    // How many activities are committed (and so visible): the watermark clients see.
    private int visible;
    private DateTimeOffset lastTimestamp = DateTimeOffset.MinValue;

    public string Id { get; } = id;
    public string? UserId { get; set; } = userId;
    public string? Locale { get; set; } = locale;
    public DateTimeOffset LastActivityAt { get; private set; } = clock.GetUtcNow();

    /// <summary>How many activities the transcript holds (committed or not yet).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return windowStart + window.Count;
            }
        }
    }

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

    /// <summary>
    /// Stamps the activity with its id, a strictly increasing UTC timestamp and the conversation, and
    /// stores it; it is broadcast once stored. Typing is broadcast at once and never stored.
    /// </summary>
    public string Append(Activity activity)
    {
        ActivitySet? set = null;
        Channel<ActivitySet>[] listeners = [];
        lock (gate)
        {
            var now = clock.GetUtcNow();
            // Web Chat orders by timestamp: two activities in the same tick must still be ordered.
            lastTimestamp = now > lastTimestamp ? now : lastTimestamp.AddTicks(1);
            activity.Timestamp = lastTimestamp;
            activity.Conversation = new ConversationAccount { Id = Id };
            activity.ChannelId ??= DirectLineConversations.Channel;
            // Typing is live only: streamed, never part of the transcript, so it takes no watermark.
            var live = activity.Type == ActivityTypes.Typing;
            var sequence = windowStart + window.Count;
            activity.Id = live ? $"{Id}|typing-{lastTimestamp.UtcTicks}" : $"{Id}|{sequence:D7}";
            var json = ActivityJson.ToUtf8(activity, kept: !live);
            LastActivityAt = now;
            if (live)
            {
                set = new ActivitySet([json], Watermark(visible));
                listeners = streams.ToArray();
            }
            else
            {
                window.Add(json);
                if (history is null)
                {
                    (set, listeners) = CommittedHeld(sequence);
                }
                else
                {
                    history.Record(sequence, activity, json, () => Committed(sequence));
                }
            }
        }

        Broadcast(set, listeners);
        return activity.Id;
    }

    /// <summary>Completes once every activity appended so far is committed (what an acknowledgement promises).</summary>
    public Task WhenStoredAsync()
    {
        lock (gate)
        {
            var count = windowStart + window.Count;
            if (visible >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task;
        }
    }

    /// <summary>At most <paramref name="max"/> committed activities after the watermark. Typing indicators are not part of history (Direct Line delivers them only live).</summary>
    public ActivitySet Since(string? watermark, int max = int.MaxValue)
    {
        int from;
        int to;
        lock (gate)
        {
            from = Position(watermark);
            to = (int)Math.Min(visible, (long)from + max);
            if (from >= windowStart)
            {
                return new ActivitySet(window.GetRange(from - windowStart, to - from), Watermark(to));
            }
        }

        // Older than what memory keeps: from the database, outside the lock (the stored copies have
        // what the resident typed masked, as every stored transcript has).
        return new ActivitySet(history?.Read(from, to) ?? [], Watermark(to));
    }

    /// <summary>The newest activities still in memory (a clerk's view of the conversation).</summary>
    public IReadOnlyList<byte[]> Recent()
    {
        lock (gate)
        {
            return window.GetRange(0, Math.Max(0, visible - windowStart));
        }
    }

    /// <summary>Opens a live stream: the position to replay from (the caller reads it in pages with <see cref="Since"/>), then each new activity.</summary>
    public (int ReplayTo, ChannelReader<ActivitySet> Live, Action Close) Subscribe()
    {
        var channel = Channel.CreateBounded<ActivitySet>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (gate)
        {
            streams.Add(channel);
            return (visible, channel.Reader, () =>
            {
                lock (gate)
                {
                    streams.Remove(channel);
                }

                channel.Writer.TryComplete();
            });
        }
    }

    /// <summary>Puts back a transcript read from the database (after a restart), before any new activity: its length and its newest activities.</summary>
    public void Restore(int count, IReadOnlyList<byte[]> newest, DateTimeOffset? lastTimestamp)
    {
        lock (gate)
        {
            windowStart = count - newest.Count;
            window.AddRange(newest);
            visible = count;
            this.lastTimestamp = lastTimestamp ?? this.lastTimestamp;
        }
    }

    private void Committed(int sequence)
    {
        ActivitySet? set;
        Channel<ActivitySet>[] listeners;
        lock (gate)
        {
            (set, listeners) = CommittedHeld(sequence);
        }

        Broadcast(set, listeners);
    }

    // Everything up to the sequence becomes visible (commits arrive in order), the waiters it
    // satisfies are released, and memory keeps only the newest committed activities.
    private (ActivitySet? Set, Channel<ActivitySet>[] Listeners) CommittedHeld(int sequence)
    {
        if (sequence < visible)
        {
            return (null, []);
        }

        var set = new ActivitySet(window.GetRange(visible - windowStart, sequence + 1 - visible), Watermark(sequence + 1));
        visible = sequence + 1;
        for (var i = waiters.Count - 1; i >= 0; i--)
        {
            if (waiters[i].Count <= visible)
            {
                waiters[i].Done.TrySetResult();
                waiters.RemoveAt(i);
            }
        }

        var surplus = Math.Min(window.Count - maxInMemory, visible - windowStart);
        if (history is not null && surplus > 0)
        {
            window.RemoveRange(0, surplus);
            windowStart += surplus;
        }

        return (set, streams.ToArray());
    }

    private static void Broadcast(ActivitySet? set, Channel<ActivitySet>[] listeners)
    {
        if (set is null)
        {
            return;
        }

        foreach (var listener in listeners)
        {
            listener.Writer.TryWrite(set);
        }
    }

    private int Position(string? watermark) =>
        int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? Math.Clamp(position, 0, visible) : 0;

    private static string Watermark(int count) => count.ToString(CultureInfo.InvariantCulture);
}

using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;

namespace Asystent.Bot.Hosting.Observability;

/// <summary>
/// The assistant's own figures for operators (meter "Asystent"): turns, answers by outcome, turn
/// failures, how long turns take and wait for their conversation, and how long people wait in a
/// clerk's queue. Counters and histograms only, recorded without allocating, so a busy server pays
/// nanoseconds per turn. Labels come from small fixed sets (channel, kind of answer, office unit):
/// never a conversation id, a question or a phone number.
/// </summary>
public sealed class AssistantMetrics
{
    public const string MeterName = "Asystent";

    // Channel ids come from the incoming activity, which a caller of the connector endpoint chooses:
    // unknown ones are counted together so nobody can grow the label set.
    private static readonly FrozenSet<string> KnownChannels = FrozenSet.Create(StringComparer.Ordinal,
        "directline", "webchat", "emulator", "msteams", "messenger", "voice", "facebook", "telegram", "slack", "sms", "email");

    private static readonly double[] ShortBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
    private static readonly double[] QueueBuckets = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

    private readonly Counter<long> turns;
    private readonly Counter<long> answers;
    private readonly Counter<long> failures;
    private readonly Histogram<double> turnDuration;
    private readonly Histogram<double> turnLockWait;
    private readonly Histogram<double> handoffWait;
    private readonly Histogram<double> storeWait;
    private readonly Histogram<double> commitDuration;
    private readonly Histogram<int> commitSize;

    public AssistantMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        turns = Meter.CreateCounter<long>("asystent.turns", "{turn}", "Conversation turns run, by channel and activity type.");
        answers = Meter.CreateCounter<long>("asystent.answers", "{answer}", "Replies to messages, by outcome (card, no_answer, other_office, choices, handoff_offer, booking_..., none).");
        failures = Meter.CreateCounter<long>("asystent.turn.failures", "{turn}", "Turns that failed and were answered with an apology.");
        turnDuration = Meter.CreateHistogram("asystent.turn.duration", "s", "How long a turn took, from taking its conversation to its replies delivered.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ShortBuckets });
        turnLockWait = Meter.CreateHistogram("asystent.turn.lock_wait", "s", "How long a turn waited for the previous turn (or a clerk's action) of its conversation to finish.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ShortBuckets });
        storeWait = Meter.CreateHistogram("asystent.directline.store_wait", "s", "How long an answered Direct Line post waited, after its turn, for its activities to be committed to the database.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ShortBuckets });
        commitDuration = Meter.CreateHistogram("asystent.conversations.commit_duration", "s", "How long one group commit of conversation changes (dialogue state and transcript entries) took to write.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ShortBuckets });
        commitSize = Meter.CreateHistogram<int>("asystent.conversations.commit_size", "{change}", "How many conversation changes one group commit wrote.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000] });
        handoffWait = Meter.CreateHistogram("asystent.handoff.queue_wait", "s", "How long a person waited in a unit's queue before a clerk took the conversation.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = QueueBuckets });
    }

    /// <summary>The meter, for the gauges read when metrics are collected (<see cref="BacklogGauges"/>).</summary>
    internal Meter Meter { get; }

    public static string ChannelLabel(string? channel) => channel is not null && KnownChannels.TryGetValue(channel, out var known) ? known : "other";

    /// <summary>Records the wait for the conversation's turn lock, from <paramref name="waitStartedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void TurnLockWaited(long waitStartedAt, long acquiredAt) =>
        turnLockWait.Record(Stopwatch.GetElapsedTime(waitStartedAt, acquiredAt).TotalSeconds);

    /// <summary>Records how long a post waited for its commit, from <paramref name="waitStartedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void StoreWaited(long waitStartedAt) => storeWait.Record(Stopwatch.GetElapsedTime(waitStartedAt).TotalSeconds);

    /// <summary>Records one group commit of conversation changes: its size and how long it took from <paramref name="startedAt"/>.</summary>
    public void ConversationsCommitted(int changes, long startedAt)
    {
        commitDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
        commitSize.Record(changes);
    }

    public void TurnEnded(Turn turn, long startedAt, bool failed)
    {
        var channel = new KeyValuePair<string, object?>("channel", ChannelLabel(turn.Channel));
        turnDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, channel);
        var type = turn.Incoming.Type switch
        {
            ActivityTypes.Message => "message",
            ActivityTypes.ConversationUpdate => "conversation_update",
            _ => "other",
        };
        turns.Add(1, channel, new KeyValuePair<string, object?>("type", type));
        if (failed)
        {
            failures.Add(1, channel);
        }
        else if (type == "message")
        {
            // Kinds are constants of the code (TurnKinds, dialogue steps), never text from the person.
            answers.Add(1, channel, new KeyValuePair<string, object?>("outcome", turn.Notes.Kind ?? "none"));
        }
    }

    public void HandoffAccepted(string unit, TimeSpan waited) =>
        handoffWait.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("unit", unit));
}

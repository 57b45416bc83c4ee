using Stopwatch = System.Diagnostics.Stopwatch;
using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Hosting.Observability;

namespace Asystent.Bot.Conversation;

/// <summary>
/// The turn pipeline every channel goes through: turns of one conversation run one at a time and in
/// order; the assistant answers; a failing turn becomes an apology in the person's language, never a
/// lost message. Transcripts are recorded (masked) by the channel that owns the conversation's order.
/// </summary>
public sealed class TurnRunner(AssistantBot bot, AssistantMetrics metrics, ILogger<TurnRunner> logger)
{
    // A fixed set of locks shared by hash: nothing to evict however many conversations come and go,
    // and two conversations rarely share one (a turn holds it for well under a millisecond).
    private const int Stripes = 4096;

    private readonly SemaphoreSlim[] locks = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Runs one turn of <paramref name="conversationKey"/>; <paramref name="deliver"/> gets the replies while the turn still holds the conversation.</summary>
    public async Task RunAsync(string conversationKey, Activity incoming, Func<IReadOnlyList<Activity>, Task> deliver, CancellationToken cancellationToken) =>
        await RunTurnAsync(conversationKey, incoming, turn => deliver(turn.Replies), cancellationToken);

    /// <summary>As above, for channels that render the turn itself (the phone line reads what kind of answer it was).</summary>
    public async Task<Turn> RunTurnAsync(string conversationKey, Activity incoming, Func<Turn, Task> deliver, CancellationToken cancellationToken)
    {
        var turnLock = Lock(conversationKey);
        var waitStartedAt = Stopwatch.GetTimestamp();
        await turnLock.WaitAsync(cancellationToken);
        var startedAt = Stopwatch.GetTimestamp();
        metrics.TurnLockWaited(waitStartedAt, startedAt);
        try
        {
            using var activity = AssistantTelemetry.Source.StartActivity("asystent.turn");
            Turn turn;
            var failed = false;
            try
            {
                turn = await bot.RunAsync(incoming, conversationKey, cancellationToken);
            }
            catch (KnowledgeBase.Search.SearchNotReadyException)
            {
                // Nothing failed: the index is still opening after a start. The person is asked to write again.
                turn = new Turn(incoming, conversationKey, new DialogState(KnowledgeBase.Languages.Language.Pl), cancellationToken);
                turn.Send([bot.NotReadyYet(incoming)]);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A turn failed in conversation {ConversationKey}", conversationKey);
                turn = new Turn(incoming, conversationKey, new DialogState(KnowledgeBase.Languages.Language.Pl), cancellationToken);
                turn.Send([bot.Apology(incoming)]);
                failed = true;
            }

            await deliver(turn);
            metrics.TurnEnded(turn, startedAt, failed);
            if (activity is not null)
            {
                activity.SetTag("asystent.channel", AssistantMetrics.ChannelLabel(turn.Channel));
                activity.SetTag("asystent.outcome", failed ? "failed" : turn.Notes.Kind ?? "none");
                activity.SetStatus(failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
            }

            return turn;
        }
        finally
        {
            turnLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a conversation between its turns (a clerk's action changing its state), never during one.</summary>
    public async Task<T> ExclusiveAsync<T>(string conversationKey, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var turnLock = Lock(conversationKey);
        await turnLock.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            turnLock.Release();
        }
    }

    private SemaphoreSlim Lock(string conversationKey) => locks[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationKey) % Stripes)];
}

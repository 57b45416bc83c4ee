using Asystent.Bot.Channels;
using Asystent.Bot.Channels.DirectLine;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Conversation.Survey;

/// <summary>
/// Asks the satisfaction question in a web chat that has gone quiet: the page is still open, the
/// person got an answer, nothing is under way (a booking, a case, a clerk), and they were not asked
/// yet. Checked twice a minute; the question goes in between turns, never during one.
/// </summary>
public sealed class IdleSurvey(DirectLineConversations conversations, ConversationStore store, TurnRunner turns, ConversationDelivery delivery,
    IConfiguration configuration, TimeProvider clock, ILogger<IdleSurvey> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultQuiet = TimeSpan.FromMinutes(5);

    /// <summary>Whether a conversation quiet since <paramref name="lastActivity"/> should get the question now.</summary>
    public static bool IsDue(DialogState state, DateTimeOffset lastActivity, DateTimeOffset now, TimeSpan quiet) =>
        now - lastActivity >= quiet && !state.SurveyAsked && state.CardId is not null
        && state is { Booking: null, Case: null, Handoff: null, SurveyStep: null };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var quiet = TimeSpan.FromSeconds(configuration.GetValue("Survey:IdleSeconds", DefaultQuiet.TotalSeconds));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(quiet.TotalSeconds / 4, 1, 30)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var conversation in conversations.Live.Where(c => c.HasListeners && clock.GetUtcNow() - c.LastActivityAt >= quiet).ToList())
            {
                try
                {
                    await AskAsync(conversation, quiet, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The satisfaction question could not be asked in a quiet conversation");
                }
            }
        }
    }

    private Task<bool> AskAsync(DirectLineConversation conversation, TimeSpan quiet, CancellationToken cancellationToken) =>
        turns.ExclusiveAsync(conversation.Id, async () =>
        {
            var state = store.State(conversation.Id, Language.Pl);
            if (!IsDue(state, conversation.LastActivityAt, clock.GetUtcNow(), quiet))
            {
                return false;
            }

            var (question, asked) = SurveyDialogue.Ask(state);
            store.SaveState(conversation.Id, DirectLineConversations.Channel, asked);
            return await delivery.SendAsync(conversation.Id, DirectLineConversations.Channel, question, null, cancellationToken);
        }, cancellationToken);
}

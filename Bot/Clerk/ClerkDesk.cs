using Asystent.Bot.Channels;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Channels.DirectLine;
using Asystent.Bot.Conversation;
using Asystent.Bot.Conversation.Handoff;
using Asystent.Bot.Conversation.Survey;
using Asystent.Bot.Handoff;
using Asystent.Bot.Staff;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Staff;
using Asystent.KnowledgeBase.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Asystent.Bot.Clerk;

/// <summary>
/// What a clerk can do from the console: see their units' queues, open a conversation (transcript
/// with personal data masked, the card, ready answers), take it over, reply, hand it back to the
/// assistant, close it, and mark callbacks done. A clerk reaches only conversations of their units;
/// every action is logged with who and when.
/// </summary>
public sealed class ClerkDesk(
    IServiceScopeFactory scopes,
    HandoffQueues queue,
    TurnRunner turns,
    ConversationStore store,
    ConversationDelivery delivery,
    DirectLineConversations directLine,
    CardSearchService search,
    KnowledgeBaseOptions knowledgeBase,
    TimeProvider clock,
    Hosting.Observability.AssistantMetrics metrics,
    ILogger<ClerkDesk> logger)
{
    public const int MaxReplyLength = 2000;

    private readonly TimeZoneInfo officeTime = TimeZoneInfo.FindSystemTimeZoneById(knowledgeBase.TimeZone);

    public async Task<ClerkSnapshot> SnapshotAsync(StaffUser clerk, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var open = await db.Handoffs.AsNoTracking()
            .Where(h => h.State == HandoffStates.Waiting || h.State == HandoffStates.Active)
            .OrderBy(h => h.Id)
            .ToListAsync(cancellationToken);
        var callbacks = await db.CallbackRequests.AsNoTracking().Where(c => c.DoneAt == null).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return new ClerkSnapshot(
            clerk.UserName,
            clerk.Units,
            open.Where(h => h.State == HandoffStates.Waiting && clerk.MaySee(h.Unit)).Select(Item).ToList(),
            open.Where(h => h.State == HandoffStates.Active && string.Equals(h.AcceptedBy, clerk.UserName, StringComparison.OrdinalIgnoreCase)).Select(Item).ToList(),
            callbacks.Where(c => clerk.MaySee(c.Unit))
                .Select(c => new CallbackItem(c.Id, c.Unit, c.Contact, c.PreferredTime, c.Topic, c.Language, c.CreatedAt)).ToList());
    }

    /// <summary>The conversation as the clerk sees it before and while taking it over.</summary>
    public async Task<HandoffView> OpenAsync(StaffUser clerk, long handoffId, CancellationToken cancellationToken)
    {
        var handoff = await VisibleAsync(clerk, handoffId, cancellationToken);
        var language = Languages.TryParse(handoff.Language, out var parsed) ? parsed : Language.Pl;
        var card = handoff.CardId is { } id ? search.Catalogue.Find(id) : null;
        return new HandoffView(Item(handoff), card?.Title.Best(Language.Pl), Transcript(handoff), Canned(card, language));
    }

    public async Task AcceptAsync(StaffUser clerk, long handoffId, CancellationToken cancellationToken)
    {
        var handoff = await VisibleAsync(clerk, handoffId, cancellationToken);
        if (handoff.State != HandoffStates.Waiting)
        {
            throw new HubException(handoff.State == HandoffStates.Active ? "Tę rozmowę przejął już inny pracownik." : "Ta osoba opuściła już kolejkę.");
        }

        var language = LanguageOf(handoff);
        var unitName = UnitName(handoff.Unit, language);
        var joined = await turns.ExclusiveAsync(handoff.ConversationId, async () =>
        {
            var state = store.State(handoff.ConversationId, language);
            if (state.Handoff is not { Step: HandoffSteps.Waiting } waiting || waiting.HandoffId != handoffId)
            {
                return false;
            }

            // Claimed in the database first: of two clerks pressing "accept" at once, one wins.
            if (!await ClaimAsync(handoffId, clerk.UserName, cancellationToken))
            {
                return false;
            }

            store.SaveState(handoff.ConversationId, handoff.Channel, state with { Handoff = waiting with { Step = HandoffSteps.WithClerk } });
            var message = HandoffPhrases.Format("clerk_joined", language, unitName);
            await delivery.SendAsync(handoff.ConversationId, handoff.Channel,
                [Replies.Message(message, language, Actions(language, "leave_chat")), HandoffEvents.StatusOf("accepted", message)], null, cancellationToken);
            return true;
        }, cancellationToken);

        if (!joined)
        {
            throw new HubException("Tej rozmowy nie można już przejąć: ktoś był szybszy albo rozmówca zrezygnował.");
        }

        metrics.HandoffAccepted(handoff.Unit, clock.GetUtcNow() - handoff.RequestedAt);
        await LogAsync(clerk, "accepted", handoffId, null, cancellationToken);
        await queue.ChangedAsync();
        await queue.TellPlacesAsync(handoff.Unit, cancellationToken);
    }

    public async Task ReplyAsync(StaffUser clerk, long handoffId, string text, CancellationToken cancellationToken)
    {
        text = (text ?? "").Trim();
        if (text.Length is 0 or > MaxReplyLength)
        {
            throw new HubException($"Odpowiedź musi mieć od 1 do {MaxReplyLength} znaków.");
        }

        var handoff = await MineAsync(clerk, handoffId, cancellationToken);
        var language = LanguageOf(handoff);
        var reply = Replies.Message(text, language, Actions(language, "leave_chat"));
        reply.TextFormat = "plain";
        if (!await delivery.SendAsync(handoff.ConversationId, handoff.Channel, [reply], Sender(clerk, handoff.Unit), cancellationToken))
        {
            throw new HubException("Nie udało się dostarczyć odpowiedzi: rozmówca jest nieosiągalny na swoim kanale (w Messengerze: ponad 7 dni od jego ostatniej wiadomości). Skorzystaj z prośby o kontakt albo telefonu.");
        }

        await LogAsync(clerk, "replied", handoffId, $"{text.Length} znaków", cancellationToken);
    }

    /// <summary>Gives the conversation back to the assistant (<paramref name="close"/> false) or ends the talk (true).</summary>
    public async Task FinishAsync(StaffUser clerk, long handoffId, bool close, CancellationToken cancellationToken)
    {
        var handoff = await MineAsync(clerk, handoffId, cancellationToken);
        var language = LanguageOf(handoff);
        await turns.ExclusiveAsync(handoff.ConversationId, async () =>
        {
            // After a clerk, the one satisfaction question (unless this conversation had it already).
            var (question, state) = SurveyDialogue.Ask(store.State(handoff.ConversationId, language) with { Handoff = null, Misunderstandings = 0 });
            store.SaveState(handoff.ConversationId, handoff.Channel, state);
            var message = HandoffPhrases.Get(close ? "clerk_closed" : "clerk_handed_back", language);
            await delivery.SendAsync(handoff.ConversationId, handoff.Channel,
                [Replies.Message(message, language, Replies.Actions(language)), HandoffEvents.StatusOf("completed", message), .. question], null, cancellationToken);
            return true;
        }, cancellationToken);

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            var record = await db.Handoffs.FirstAsync(h => h.Id == handoffId, cancellationToken);
            record.State = HandoffStates.Completed;
            record.EndedAt = clock.GetUtcNow();
            db.StaffActions.Add(Action(clerk, close ? "closed" : "handed_back", $"handoff:{handoffId}", null));
            await db.SaveChangesAsync(cancellationToken);
        }

        await queue.ChangedAsync();
    }

    public async Task CallbackDoneAsync(StaffUser clerk, long callbackId, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            var callback = await db.CallbackRequests.FirstOrDefaultAsync(c => c.Id == callbackId, cancellationToken);
            if (callback is null || !clerk.MaySee(callback.Unit))
            {
                await RefuseAsync(clerk, $"callback:{callbackId}", cancellationToken);
            }

            if (callback!.DoneAt is null)
            {
                callback.DoneAt = clock.GetUtcNow();
                callback.DoneBy = clerk.UserName;
                db.StaffActions.Add(Action(clerk, "callback_done", $"callback:{callbackId}", null));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await queue.ChangedAsync();
    }

    private async Task<bool> ClaimAsync(long handoffId, string userName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var now = clock.GetUtcNow();
        return await db.Handoffs.Where(h => h.Id == handoffId && h.State == HandoffStates.Waiting)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.State, HandoffStates.Active).SetProperty(h => h.AcceptedBy, userName).SetProperty(h => h.AcceptedAt, now), cancellationToken) == 1;
    }

    /// <summary>The handoff when it belongs to one of the clerk's units; otherwise refused (and logged).</summary>
    private async Task<HandoffRecord> VisibleAsync(StaffUser clerk, long handoffId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handoff = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Handoffs.AsNoTracking()
            .FirstOrDefaultAsync(h => h.Id == handoffId, cancellationToken);
        if (handoff is null || !clerk.MaySee(handoff.Unit))
        {
            await RefuseAsync(clerk, $"handoff:{handoffId}", cancellationToken);
        }

        return handoff!;
    }

    /// <summary>The handoff when this clerk has it now.</summary>
    private async Task<HandoffRecord> MineAsync(StaffUser clerk, long handoffId, CancellationToken cancellationToken)
    {
        var handoff = await VisibleAsync(clerk, handoffId, cancellationToken);
        return handoff.State == HandoffStates.Active && string.Equals(handoff.AcceptedBy, clerk.UserName, StringComparison.OrdinalIgnoreCase)
            ? handoff
            : throw new HubException(handoff.State == HandoffStates.Active ? "Tę rozmowę prowadzi inny pracownik." : "Ta rozmowa nie jest już prowadzona.");
    }

    private async Task RefuseAsync(StaffUser clerk, string subject, CancellationToken cancellationToken)
    {
        logger.LogWarning("Staff member {UserName} was refused {Subject}: not in their units", clerk.UserName, subject);
        await LogAsync(clerk, "refused", null, subject, cancellationToken);
        throw new HubException("Brak dostępu: ta sprawa należy do innego wydziału.");
    }

    private async Task LogAsync(StaffUser clerk, string action, long? handoffId, string? detail, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        db.StaffActions.Add(Action(clerk, action, handoffId is { } id ? $"handoff:{id}" : detail, handoffId is null ? null : detail));
        await db.SaveChangesAsync(cancellationToken);
    }

    private StaffActionRecord Action(StaffUser clerk, string action, string? subject, string? detail) =>
        new() { At = clock.GetUtcNow(), UserName = clerk.UserName, Action = action, Subject = subject, Detail = detail };

    private List<TranscriptLine> Transcript(HandoffRecord handoff)
    {
        var activities = ConversationDelivery.IsDirectLine(handoff.ConversationId) && directLine.Find(handoff.ConversationId) is { } live
            ? live.Recent().Select(ActivityJson.Parse).ToList()
            : store.Load(handoff.ConversationId)?.Transcript ?? [];
        return activities
            .Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(a.Text))
            .TakeLast(100)
            .Select(a => new TranscriptLine(Speaker(a), PersonalDataMasker.Mask(a.Text!), a.Timestamp ?? clock.GetUtcNow()))
            .ToList();
    }

    private static string Speaker(Activity activity) => activity.From switch
    {
        null => "assistant",
        { Id: { } id } when id.StartsWith("clerk:", StringComparison.Ordinal) => "clerk",
        { Role: "bot" } => "assistant",
        _ => "resident",
    };

    private List<CannedAnswer> Canned(KnowledgeBase.ServiceCards.ServiceCard? card, Language language)
    {
        var answers = new List<CannedAnswer>
        {
            new("Chwileczkę", HandoffPhrases.Get("canned_moment", language)),
            new("Coś jeszcze?", HandoffPhrases.Get("canned_anything_else", language)),
        };
        if (card is not null)
        {
            var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), officeTime);
            // Plain text, as the clerk sends it: the card's answers without markdown marks.
            answers.InsertRange(0, new (string Label, CardAspect Aspect)[] { ("Gdzie", CardAspect.Place), ("Dokumenty", CardAspect.Documents), ("Opłaty", CardAspect.Fees), ("Czas", CardAspect.Time) }
                .Select(a => new CannedAnswer(a.Label, Channels.Messenger.MessengerRenderer.Plain(CardAnswer.Aspect(card, search.Catalogue, language, now, a.Aspect)))));
        }

        return answers;
    }

    private string UnitName(string unit, Language language) => search.Catalogue.Office.FindUnit(unit)?.Name.Best(language) ?? unit;

    private static Language LanguageOf(HandoffRecord handoff) => Languages.TryParse(handoff.Language, out var language) ? language : Language.Pl;

    private static ChannelAccount Sender(StaffUser clerk, string unit) => new() { Id = $"clerk:{clerk.UserName}", Name = $"Urzędnik ({unit})", Role = "bot" };

    private static SuggestedActions Actions(Language language, string key) => new() { Actions = [Replies.ImBack(HandoffPhrases.Get(key, language))] };

    private QueueItem Item(HandoffRecord h) =>
        new(h.Id, h.Unit, h.Channel, h.Language, h.CardId is { } id ? search.Catalogue.Find(id)?.Title.Best(Language.Pl) : null, h.Reason, h.RequestedAt, h.State, h.AcceptedBy);
}

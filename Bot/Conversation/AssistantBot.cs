using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Asystent.Bot.Analytics;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation.Booking;
using Asystent.Bot.Conversation.Cases;
using Asystent.Bot.Conversation.Handoff;
using Asystent.Bot.Conversation.Survey;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.Understanding;

namespace Asystent.Bot.Conversation;

/// <summary>
/// The assistant's side of a conversation, independent of the channel: it reads a message, decides
/// what the person needs and answers in their language. Conversational intents get short replies;
/// matters are answered from the best service card, asking "did you mean…?" when cards are too close
/// to call; follow-ups ("ile to kosztuje?") answer from the card under discussion; booking, moving and
/// cancelling a visit is handed to the booking dialogue, and case status to the case dialogue, until
/// they end. A person is offered on request, on a complaint and after two misunderstandings in a
/// row; with consent the handoff dialogue takes the conversation to a clerk or a callback request.
/// A goodbye brings the one satisfaction question, and every message is counted for the office's
/// figures with what it was answered with.
/// </summary>
public sealed class AssistantBot(MessageInterpreter interpreter, CardSearchService search, ConversationStore store, BookingDialogue booking, CaseStatusDialogue cases,
    HandoffDialogue handoff, SurveyDialogue survey, AnalyticsLog analytics, KnowledgeBaseOptions options, TimeProvider clock)
{
    private const int MaxMessageLength = 500;

    // Cards scoring within this share of the best one are a real alternative: ask instead of guessing.
    private const float AmbiguityRatio = 0.85f;

    private const string DirectLineBotId = "asystent";

    // Channels whose clients render Adaptive Cards; the others get the same answer as plain text.
    private static readonly HashSet<string> RichChannels = new(["directline", "webchat", "emulator", "msteams"], StringComparer.OrdinalIgnoreCase);

    private readonly CardAnswerCache answers = new();
    private readonly TimeZoneInfo officeTime = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public async Task<IReadOnlyList<Activity>> OnTurnAsync(Activity incoming, string conversationId, CancellationToken cancellationToken)
    {
        var state = store.State(conversationId, Hint(incoming.Locale) ?? Language.Pl);
        // Each message is counted for the office's figures, with what it was answered with.
        using var noted = incoming.Type == ActivityTypes.Message
            ? analytics.BeginTurn(conversationId, incoming.ChannelId ?? ConversationStore.DefaultChannel, () => store.State(conversationId, Language.Pl).Language.Code())
            : null;
        IReadOnlyList<Activity> replies;
        (replies, state) = incoming.Type switch
        {
            ActivityTypes.ConversationUpdate when incoming.MembersAdded?.Any(m => m.Id != (incoming.Recipient?.Id ?? DirectLineBotId)) == true =>
                ([Message(Phrases.Get("welcome", state.Language), state.Language)], state),
            ActivityTypes.Message => await AnswerAsync(incoming, conversationId, state, cancellationToken),
            _ => ([], state),
        };
        if (incoming.Type == ActivityTypes.Message && !state.Counted)
        {
            // Conversations are counted once, at their first message, for the office's figures.
            analytics.Record(KnowledgeBase.Analytics.AnalyticsKinds.Conversation, incoming.ChannelId ?? ConversationStore.DefaultChannel, state.Language.Code(), conversationId);
            state = state with { Counted = true };
        }

        store.SaveState(conversationId, incoming.ChannelId ?? ConversationStore.DefaultChannel, state);
        return replies;
    }

    public Activity Apology(Activity incoming)
    {
        var language = Hint(incoming.Locale) ?? Language.Pl;
        return Message(Phrases.Get("apology", language), language, Actions(language));
    }

    private async ValueTask<(IReadOnlyList<Activity>, DialogState)> AnswerAsync(Activity incoming, string conversationId, DialogState state, CancellationToken cancellationToken)
    {
        var text = (incoming.Text ?? TextOf(incoming.Value))?.Trim();
        var language = state.Language;
        var rich = incoming.ChannelId is { } channel && RichChannels.Contains(channel);
        if (string.IsNullOrEmpty(text))
        {
            return Misunderstood(state);
        }

        if (text.Length > MaxMessageLength)
        {
            return ([Message(Phrases.Get("too_long", language), language)], state);
        }

        if (FollowUp.LanguageRequest(text) is { } requested)
        {
            return ([Message(Phrases.Get("language_set", requested), requested, Actions(requested))], state with { Language = requested, LanguageChosen = true });
        }

        if (state.SurveyStep is not null)
        {
            if (survey.Continue(text, state, conversationId, incoming.ChannelId ?? ConversationStore.DefaultChannel) is { } answered)
            {
                return answered;
            }

            state = state with { SurveyStep = null };
        }

        if (state.Handoff is not null)
        {
            if (await handoff.ContinueAsync(text, state, incoming, conversationId, cancellationToken) is { } handled)
            {
                return handled;
            }

            state = state with { Handoff = null };
        }

        if (state.Booking is not null)
        {
            // A person can always leave the booking: to a clerk, to another question, or just "stop".
            if (Phrases.KeyOf(text, "talk_to_person") is not null)
            {
                return handoff.Offer(state, HandoffReasons.Request);
            }

            if (Phrases.KeyOf(text, "another") is not null || BookingDialogue.AsksToStop(text))
            {
                return booking.Stop(state);
            }

            // A new request instead of an answer ("I want to cancel my visit" while asked for a day) starts over.
            if (!(BookingDialogue.MayBeInterrupted(state.Booking) && text.Split(' ').Length >= 3
                && interpreter.Interpret(text).Intent is { IsConfident: true, Intent: IntentNames.BookAppointment or IntentNames.CancelAppointment }))
            {
                return await booking.ContinueAsync(text, state, incoming, cancellationToken);
            }

            state = state with { Booking = null };
        }

        if (CaseStatusDialogue.IsWaiting(state.Case))
        {
            if (Phrases.KeyOf(text, "talk_to_person") is not null)
            {
                return handoff.Offer(state, HandoffReasons.Request);
            }

            return Phrases.KeyOf(text, "another") is not null || BookingDialogue.AsksToStop(text)
                ? ([Message(Phrases.Get("ask_next", language), language)], state with { Case = null })
                : await cases.ContinueAsync(text, state, conversationId, cancellationToken);
        }

        if (state.Case is not null && CaseStatusDialogue.AsksToBeNotified(text))
        {
            return await cases.ContinueAsync(text, state, conversationId, cancellationToken);
        }

        var catalogue = search.Catalogue;
        var current = state.CardId is { } currentId ? catalogue.Find(currentId) : null;
        switch (Phrases.KeyOf(text, "another", "talk_to_person", "details", "checklist", "book_visit"))
        {
            case "another":
                return ([Message(Phrases.Get("ask_next", language), language)], state with { Misunderstandings = 0 });
            case "talk_to_person":
                return handoff.Offer(state, HandoffReasons.Request);
            case "details" when current is not null:
                AnalyticsLog.Answered(current.Id);
                return ([Message(CardAnswer.Details(current, catalogue, language), language, CardActions(current, language))], state with { Misunderstandings = 0 });
            case "checklist" when current is not null:
                AnalyticsLog.Answered(current.Id);
                return ([Message(CardAnswer.Checklist(current, catalogue, language), language, Actions(language))], state with { Misunderstandings = 0 });
            case "book_visit" when current is not null && catalogue.BookableFor(current.Id) is null:
                return ([Message(CardAnswer.Booking(current, catalogue, language), language, Actions(language))], state with { Misunderstandings = 0 });
            case "book_visit" when booking.CanBook:
                return await booking.StartAsync(BookingActions.Book, "", current?.Id, state with { Misunderstandings = 0 }, incoming, cancellationToken);
            case "details" or "checklist" or "book_visit":
                return ([Message(Phrases.Get("which_matter", language), language)], state);
        }

        if (state.Choices?.FirstOrDefault(id => catalogue.Find(id)?.Title.Values.Any(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase)) == true) is { } chosen)
        {
            return Card(chosen, state with { Choices = null }, rich);
        }

        var understood = interpreter.Interpret(text);
        // Two words are often ambiguous between languages of one script; a chosen language or the
        // conversation's language wins then, while a change of script or a longer message switches.
        if (!state.LanguageChosen && !(text.Split(' ').Length < 3 && SameScript(understood.Language, language)))
        {
            language = understood.Language;
            state = state with { Language = language };
        }

        var service = understood.Entities[RecognizedEntities.Service];
        if (current is not null && FollowUp.Aspect(text) is var aspect and not CardAspect.None
            && (service is null || service == current.Id || text.Split(' ').Length <= 5))
        {
            AnalyticsLog.Answered(current.Id);
            return ([Message(CardAnswer.Aspect(current, catalogue, language, OfficeNow(), aspect), language, CardActions(current, language))], state with { Misunderstandings = 0 });
        }

        var intent = understood.Intent;
        // A bare reference number ("KT.5410.123.2026") is a question about that case.
        if (!intent.IsConfident && understood.Entities[RecognizedEntities.CaseNumber] is not null)
        {
            return await cases.StartAsync(text, state with { Misunderstandings = 0 }, conversationId, cancellationToken);
        }

        if (intent.IsConfident)
        {
            switch (intent.Intent)
            {
                case IntentNames.Greeting:
                    return Reply(Phrases.Get("welcome", language), state);
                case IntentNames.Help:
                    return Reply(Phrases.Get("help", language), state);
                case IntentNames.Thanks:
                    return Reply(Phrases.Get("thanks", language), state);
                case IntentNames.Goodbye:
                    var (question, asked) = SurveyDialogue.Ask(state with { Misunderstandings = 0 });
                    return ([Message(Phrases.Get("goodbye", language), language), .. question], asked);
                case IntentNames.HumanHandoff:
                    return handoff.Offer(state, HandoffReasons.Request);
                case IntentNames.OfficeHours:
                    return Card(service ?? "godziny-i-kontakt", state, rich);
                case IntentNames.Complaint:
                    // How to file it, and a person to talk to at once if they wish.
                    var (complaintCard, afterCard) = Card("skargi-i-wnioski", state, rich);
                    var (offer, offered) = handoff.Offer(afterCard, HandoffReasons.Complaint);
                    return ([.. complaintCard, .. offer], offered);
                case IntentNames.OutOfScope:
                    AnalyticsLog.Gap(text);
                    return Misunderstood(state, "out_of_scope");
                case IntentNames.CaseStatus:
                    return await cases.StartAsync(text, state with { Misunderstandings = 0 }, conversationId, cancellationToken);
                case IntentNames.BookAppointment when booking.CanBook:
                    var bookable = service ?? understood.Cards.FirstOrDefault(c => c.Score >= MessageInterpreter.ServiceMinScore && catalogue.BookableFor(c.Id) is not null)?.Id ?? current?.Id;
                    return await booking.StartAsync(BookingActions.Book, text, bookable, state with { Misunderstandings = 0 }, incoming, cancellationToken);
                case IntentNames.CancelAppointment when booking.CanBook:
                    return await booking.StartAsync(BookingDialogue.AsksToMove(text) ? BookingActions.Move : BookingActions.Cancel, text, null, state with { Misunderstandings = 0 }, incoming, cancellationToken);
            }
        }

        // Conversational intents skip the search in the interpreter; a doubtful one still gets it here.
        var (cards, answers) = understood.Cards.Count > 0 || !ConversationalIntent(intent.Intent)
            ? (understood.Cards, understood.CardsAnswer)
            : search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(text), language, MessageInterpreter.CardsConsidered)) is var found
                ? (found.Results, found.Answerable) : default;
        // A card found only through a word it happens to share is not an answer: say so, and where to ask.
        var best = answers ? cards.Where(r => r.Score >= MessageInterpreter.ServiceMinScore).ToList() : [];
        if (best.Count == 0)
        {
            AnalyticsLog.Gap(text);
            return intent.IsConfident && intent.Intent == IntentNames.OutOfScope
                ? Misunderstood(state, "out_of_scope")
                : Misunderstood(state, text: NoAnswer(language));
        }

        var close = best.Where(r => r.Score >= best[0].Score * AmbiguityRatio).ToList();
        if (close.Count > 1)
        {
            var actions = close.Select(r => ImBack(r.Title)).Concat(Actions(language).Actions).ToList();
            return ([Message(Phrases.Get("did_you_mean", language), language, new SuggestedActions { Actions = actions })],
                state with { Choices = close.Select(r => r.Id).ToList(), Misunderstandings = 0 });
        }

        return Card(best[0].Id, state, rich);
    }

    /// <summary>
    /// A card answer: on channels that render Adaptive Cards, a short lead (what and where today) and
    /// the card; elsewhere the whole answer as plain text.
    /// </summary>
    private (IReadOnlyList<Activity>, DialogState) Card(string id, DialogState state, bool rich)
    {
        var catalogue = search.Catalogue;
        if (catalogue.Find(id) is not { } card)
        {
            return Misunderstood(state);
        }

        var language = state.Language;
        AnalyticsLog.Answered(card.Id);
        var (text, adaptiveCard) = answers.Get(card, catalogue, language, OfficeNow(), rich);
        var message = Message(text, language, CardActions(card, language));
        if (adaptiveCard is not null)
        {
            message.Attachments = [adaptiveCard];
        }

        return ([message], state with { CardId = id, Choices = null, Misunderstandings = 0 });
    }

    private static (IReadOnlyList<Activity>, DialogState) Reply(string text, DialogState state) =>
        ([Message(text, state.Language, Actions(state.Language))], state with { Misunderstandings = 0 });

    /// <summary>"I did not understand"; the second time in a row, with the offer of a person.</summary>
    private (IReadOnlyList<Activity>, DialogState) Misunderstood(DialogState state, string phrase = "not_understood", string? text = null)
    {
        var count = state.Misunderstandings + 1;
        text ??= Phrases.Get(phrase, state.Language);
        return count >= 2
            ? handoff.Offer(state, HandoffReasons.Misunderstood, $"{text}\n\n{Phrases.Get("offer_person", state.Language)}")
            : ([Message(text, state.Language, Actions(state.Language))], state with { Misunderstandings = count });
    }

    /// <summary>"I don't know", where the information desk is and its phone, and that a person can help.</summary>
    private string NoAnswer(Language language)
    {
        var office = search.Catalogue.Office;
        var desk = office.FindUnit(handoff.InformationDesk);
        return string.Format(CultureInfo.InvariantCulture, Phrases.Get("no_answer", language),
            AppointmentNotices.Place(desk, office, language), desk?.Phone ?? office.Phone);
    }

    private static bool ConversationalIntent(string intent) =>
        intent is IntentNames.Greeting or IntentNames.Thanks or IntentNames.Goodbye or IntentNames.Help or IntentNames.OutOfScope;

    private DateTimeOffset OfficeNow() => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), officeTime);

    private static Language? Hint(string? locale) =>
        locale is { Length: >= 2 } && Languages.TryParse(locale[..2], out var language) ? language : null;

    private static bool SameScript(Language a, Language b) => (a is Language.Uk or Language.Ru) == (b is Language.Uk or Language.Ru);

    private static string? TextOf(JsonElement? value) => value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    internal static CardAction ImBack(string title) => new() { Type = "imBack", Title = title, Value = JsonSerializer.SerializeToElement(title) };

    /// <summary>What a person may want next after a card: details, the list to keep, booking (when the unit books visits), another question, a person.</summary>
    private static SuggestedActions CardActions(ServiceCard card, Language language) =>
        StandardActions(card.Redirect is not null ? AnotherOrPersonKeys : card.BookingQueue is null ? CardKeys : BookableCardKeys, language);

    internal static SuggestedActions Actions(Language language) => StandardActions(AnotherOrPersonKeys, language);

    private static readonly string[] AnotherOrPersonKeys = ["another", "talk_to_person"];
    private static readonly string[] CardKeys = ["details", "checklist", "another", "talk_to_person"];
    private static readonly string[] BookableCardKeys = ["details", "checklist", "book_visit", "another", "talk_to_person"];

    // The same few button rows follow most answers: made once per language and shared (a reply's
    // actions are never changed after it is made).
    private static readonly ConcurrentDictionary<(string[] Keys, Language Language), SuggestedActions> ActionRows = new();

    private static SuggestedActions StandardActions(string[] keys, Language language) =>
        ActionRows.GetOrAdd((keys, language), static row => new SuggestedActions { Actions = row.Keys.Select(key => ImBack(Phrases.Get(key, row.Language))).ToList() });

    internal static Activity Message(string text, Language language, SuggestedActions? actions = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "markdown",
        Locale = language.Code(),
        InputHint = "acceptingInput",
        SuggestedActions = actions,
    };
}

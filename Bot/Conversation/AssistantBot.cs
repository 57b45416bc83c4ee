using System.Globalization;
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
/// The assistant's side of a conversation, independent of the channel. A turn goes through three
/// stages: a dialogue under way (survey, handoff, booking, case status) takes the message first;
/// then the buttons and choices the assistant offered; then understanding (<see cref="Understand"/>):
/// small talk, follow-ups about the card under discussion, intents, and matters answered from the
/// cards (one card, several matters, or a question that tells close cards apart).
/// </summary>
public sealed partial class AssistantBot(MessageInterpreter interpreter, CardSearchService search, ConversationStore store, IEnumerable<IDialogue> dialogues,
    BookingDialogue booking, CaseStatusDialogue cases, HandoffDialogue handoff, AnalyticsLog analytics, KnowledgeBaseOptions options, TimeProvider clock, IHttpContextAccessor httpContext)
{
    private const int MaxMessageLength = 500;

    // "A jutro o 10 się da?" is six words; a longer message with a time says more than when.
    private const int MaxTimeWishWords = 7;

    private const string DirectLineBotId = "asystent";

    /// <summary>The name of the event the web page sends when the person picks another language.</summary>
    public const string LanguageEvent = "language";

    // A message this short after a card is about that card ("a zapisać się można?"), whatever it shares with others.
    private const int FollowUpWords = 4;

    // Another office's card this close to the best one is what a booking request is about (measured: the
    // driving test scores 0.97 of the licence card for "zapisać się na egzamin na prawo jazdy").
    private const float ElsewhereTie = 0.95f;

    // A card named in passing must lead the next one by this much to take over the conversation.
    private const float ClearLead = 0.85f;

    private readonly CardAnswerCache answers = new();
    private readonly TimeZoneInfo officeTime = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public async Task<IReadOnlyList<Activity>> OnTurnAsync(Activity incoming, string conversationId, CancellationToken cancellationToken) =>
        (await RunAsync(incoming, conversationId, cancellationToken)).Replies;

    /// <summary>Runs one turn and returns it: its replies, the state it left and the notes on what it did.</summary>
    public async Task<Turn> RunAsync(Activity incoming, string conversationId, CancellationToken cancellationToken)
    {
        var turn = new Turn(incoming, conversationId, store.State(conversationId, Hint(incoming.Locale) ?? Language.Pl), cancellationToken);
        if (incoming.Type == ActivityTypes.ConversationUpdate && incoming.MembersAdded?.Any(m => m.Id != (incoming.Recipient?.Id ?? DirectLineBotId)) == true)
        {
            turn.Notes.Note(TurnKinds.Welcome);
            turn.Say(Phrases.Get("welcome", turn.Language));
        }
        else if (incoming.Type == ActivityTypes.Event && incoming.Name == LanguageEvent)
        {
            SwitchLanguage(turn);
        }
        else if (incoming.Type == ActivityTypes.Message)
        {
            try
            {
                await AnswerAsync(turn);
            }
            finally
            {
                // Each message is counted for the office's figures, with what it was answered with.
                analytics.RecordMessage(conversationId, turn.Channel, turn.Language.Code(), turn.Notes, turn.Text);
            }

            if (!turn.State.Counted)
            {
                // Conversations are counted once, at their first message.
                analytics.Record(KnowledgeBase.Analytics.AnalyticsKinds.Conversation, turn.Channel, turn.Language.Code(), conversationId);
                turn.State = turn.State with { Counted = true };
            }
        }

        store.SaveState(conversationId, turn.Channel, turn.State);
        return turn;
    }

    public Activity Apology(Activity incoming) => Said("apology", incoming);

    /// <summary>The answer to a message that came before the knowledge base was ready (the first seconds after a start).</summary>
    public Activity NotReadyYet(Activity incoming) => Said("starting", incoming);

    private static Activity Said(string phrase, Activity incoming)
    {
        var language = Hint(incoming.Locale) ?? Language.Pl;
        return Replies.Message(Phrases.Get(phrase, language), language, Replies.Actions(language));
    }

    private async Task AnswerAsync(Turn turn)
    {
        var text = turn.Text;
        if (text.Length == 0)
        {
            Misunderstood(turn);
            return;
        }

        if (text.Length > MaxMessageLength)
        {
            turn.Say(Phrases.Get("too_long", turn.Language));
            return;
        }

        if (!turn.LanguageFixed && FollowUp.LanguageRequest(text) is { } requested)
        {
            SetLanguage(turn, requested);
            return;
        }

        var (handled, interrupted) = await ContinueDialogueAsync(turn);
        if (handled || await AnswerButtonAsync(turn))
        {
            return;
        }

        await UnderstandAsync(turn);
        interrupted?.Resume(turn);
    }

    /// <summary>
    /// The dialogues under way are offered the message first. One that takes it ends the turn; one
    /// that was interrupted by a question in between gets its question asked again after the answer.
    /// </summary>
    private async Task<(bool Handled, IDialogue? Interrupted)> ContinueDialogueAsync(Turn turn)
    {
        foreach (var dialogue in dialogues)
        {
            if (!dialogue.IsActive(turn))
            {
                continue;
            }

            switch (await dialogue.ContinueAsync(turn))
            {
                case DialogueOutcome.Handled:
                    return (true, null);
                case DialogueOutcome.Interrupted:
                    return (false, dialogue);
            }
        }

        return (false, null);
    }

    /// <summary>The buttons that follow answers ("Szczegóły", "Umów wizytę"…) and a choice among offered cards.</summary>
    private async Task<bool> AnswerButtonAsync(Turn turn)
    {
        var (text, language) = (turn.Text, turn.Language);
        var catalogue = search.Catalogue;
        var current = Current(turn);
        switch (Phrases.KeyOf(text, "another", "talk_to_person", "details", "checklist", "book_visit"))
        {
            case "another":
                turn.State = turn.State with { Misunderstandings = 0, Choices = null };
                turn.Say(Phrases.Get("ask_next", language));
                return true;
            case "talk_to_person":
                OfferPerson(turn, HandoffReasons.Request);
                return true;
            case "details" when current is not null:
                turn.Notes.Answered(current.Id, TurnKinds.Card);
                turn.Say(CardAnswer.Details(current, catalogue, language), Replies.CardActions(current, language));
                return true;
            case "checklist" when current is not null:
                turn.Notes.Answered(current.Id, TurnKinds.Card);
                turn.Say(CardAnswer.Checklist(current, catalogue, language), Replies.Actions(language));
                return true;
            case "book_visit" when current is not null && catalogue.BookableFor(current.Id) is null:
                turn.Notes.Answered(current.Id, "booking_info");
                turn.Say(CardAnswer.Booking(current, catalogue, language), Replies.Actions(language));
                return true;
            case "book_visit" when booking.CanBook:
                await StartBookingAsync(turn, "", current?.Id);
                return true;
            case "details" or "checklist" or "book_visit":
                turn.Say(Phrases.Get("which_matter", language));
                return true;
        }

        if (turn.State.Choices is { Count: > 0 } choices
            && (Choice.Picked(text, choices, catalogue)
                ?? (SmallTalk.Of(text) is null && FollowUp.Aspect(text) == CardAspect.None ? Choice.ByWords(text, language, choices, search) : null)) is { } chosen)
        {
            AnswerCard(turn, chosen);
            return true;
        }

        return false;
    }

    private async Task UnderstandAsync(Turn turn)
    {
        var personalData = PersonalDataNote.HasIdentityNumber(turn.Text);
        if (personalData)
        {
            // The number says nothing about the matter ("mój PESEL 85…, gdzie zarejestrować auto?").
            turn.Text = PersonalDataNote.Without(turn.Text);
        }

        var text = turn.Text;
        var understood = interpreter.Interpret(text);
        // A greeting before a question is not part of the matter ("Dzień dobry, kupiłem auto…").
        turn.Text = understood.Text;
        // Two words are often ambiguous between languages of one script; a chosen language or the
        // conversation's language wins then, while a change of script or a longer message switches.
        if (!turn.State.LanguageChosen && !turn.LanguageFixed && !(text.Split(' ').Length < 3 && SameScript(understood.Language, turn.Language)))
        {
            turn.State = turn.State with { Language = understood.Language };
        }

        await AnswerMeaningAsync(turn, understood);
        if ((understood.Entities.ContainsPesel || personalData) && turn.Replies.Count > 0)
        {
            // The number was not needed: say so once, after the answer (the transcript masks it anyway).
            turn.Notes.Add(TurnKinds.PersonalData);
            turn.Say(Phrases.Get("personal_data_not_needed", turn.Language));
        }
    }

    private async Task AnswerMeaningAsync(Turn turn, MessageUnderstanding understood)
    {
        var (text, language) = (turn.Text, turn.Language);
        var catalogue = search.Catalogue;
        var current = Current(turn);

        if (SmallTalk.Of(text) is { } talk)
        {
            AnswerSmallTalk(turn, talk);
            return;
        }

        if (CallbackTime.IsRequest(text))
        {
            handoff.RequestCallback(turn);
            return;
        }

        if (SmallTalk.IsComplaint(text) && !FollowUp.AsksHowToComplain(text))
        {
            AcknowledgeComplaint(turn);
            return;
        }

        var service = understood.Entities[RecognizedEntities.Service];
        var aspect = FollowUp.Aspect(text);
        if (aspect != CardAspect.None && current is not null && !FollowUp.Refers(text))
        {
            // "How much is the licence one?" after several matters: the one it names among those offered;
            // "a ile kosztuje nowy techpaspport?": the card it names, even when another was under discussion.
            var named = turn.State.Choices is { Count: > 0 } offered ? Choice.Named(text, language, offered, search) : null;
            if ((named ?? NamedBesidesAspect(text, language, current)) is { } target && target != current.Id)
            {
                current = catalogue.Find(target);
                turn.State = turn.State with { CardId = target, Choices = null };
            }
        }

        if (current is not null && aspect != CardAspect.None)
        {
            turn.Notes.Answered(current.Id, FollowUp.Kind(aspect));
            turn.Say(CardAnswer.Aspect(current, catalogue, language, OfficeNow(), aspect), Replies.CardActions(current, language));
            return;
        }

        // "A jutro o 10 się da?" after an answer: a time for the matter under discussion is a booking of it;
        // so is "can I come to confirm it on Monday?" or "can't I just book it with you?", whatever the intent model made of it.
        if (current is not null && (IsTimeWishAlone(text, language)
            || !understood.Intent.IsConfident && FollowUp.Refers(text) && (FollowUp.AsksToBook(text) || HasTimeWish(text))))
        {
            await BookDiscussedAsync(turn, current, text);
            return;
        }

        var intent = understood.Intent;
        // A bare reference number ("KT.5410.123.2026") is a question about that case.
        if (!intent.IsConfident && understood.Entities[RecognizedEntities.CaseNumber] is not null)
        {
            turn.State = turn.State with { Misunderstandings = 0 };
            turn.Send(await cases.StartAsync(text, turn.State, turn.ConversationKey, turn.CancellationToken, Hosting.ClientAddress.Of(turn, httpContext)));
            return;
        }

        if (intent.IsConfident && await AnswerIntentAsync(turn, understood))
        {
            return;
        }

        // Conversational intents skip the search in the interpreter; a doubtful one still gets it here.
        var found = understood.Cards.Count > 0 || !ConversationalIntent(intent.Intent)
            ? new SearchResponse(text, language, understood.Cards, understood.CardsAnswer)
            : search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(text), language, MessageInterpreter.CardsConsidered));
        AnswerMatter(turn, found, intent);
    }

    private async Task<bool> AnswerIntentAsync(Turn turn, MessageUnderstanding understood)
    {
        var (text, language) = (turn.Text, turn.Language);
        var catalogue = search.Catalogue;
        var service = understood.Entities[RecognizedEntities.Service];
        // The matter a booking request names, looked for once (two searches) and only for such requests.
        var bookingMatter = understood.Intent.Intent == IntentNames.BookAppointment ? BookingMatter(text, language, understood) : [];
        switch (understood.Intent.Intent)
        {
            // "Dzień dobry, gdzie zrobić PESEL?" is a question with a greeting: the question is answered.
            case IntentNames.Greeting when !NamesMatter(text, language):
                AnswerSmallTalk(turn, TurnKinds.Greeting);
                return true;
            // "Czym jest nieodpłatna pomoc prawna?" asks about a matter, not what the assistant can do.
            // Nor is "a póki co mogę jeździć?" after an answer: it goes on with the discussed matter.
            case IntentNames.Help when !NamesMatter(text, language) && !(FollowUp.GoesOn(text) && Current(turn) is not null):
                AnswerSmallTalk(turn, TurnKinds.Help);
                return true;
            // "Dziękuję za informację o paszporcie" is thanks; "dzięki, a paszport dla dziecka?" asks again.
            case IntentNames.Thanks when !text.Contains('?', StringComparison.Ordinal) || !NamesMatter(text, language):
                AnswerSmallTalk(turn, TurnKinds.Thanks);
                return true;
            case IntentNames.Goodbye when !NamesMatter(text, language):
                AnswerSmallTalk(turn, TurnKinds.Goodbye);
                return true;
            case IntentNames.HumanHandoff:
                OfferPerson(turn, HandoffReasons.Request);
                return true;
            case IntentNames.OfficeHours when Current(turn) is { } discussed:
                turn.Notes.Answered(discussed.Id, "hours");
                turn.Say(CardAnswer.Aspect(discussed, catalogue, language, OfficeNow(), CardAspect.Hours), Replies.CardActions(discussed, language));
                return true;
            case IntentNames.OfficeHours:
                AnswerCard(turn, service ?? "godziny-i-kontakt");
                return true;
            case IntentNames.Complaint when FollowUp.AsksHowToComplain(text):
                AnswerCard(turn, "skargi-i-wnioski");
                return true;
            // A complaint said in so many words is acknowledged; a question that names a matter
            // ("kto nie musi posiadać karty?") is answered, whatever the model read in its tone.
            case IntentNames.Complaint when FollowUp.SaysComplaint(text) || !NamesMatter(text, language):
                AcknowledgeComplaint(turn);
                return true;
            // A question a card answers is not out of scope, whatever the model says (staff may have
            // just given it to a card from the gap list).
            case IntentNames.OutOfScope when !NamesMatter(text, language):
                turn.Notes.NoAnswer(text);
                Misunderstood(turn, "out_of_scope");
                return true;
            // "Status UKR", "kto rozpatruje wniosek o rozłożenie mandatu na raty" name a matter: the card answers them.
            case IntentNames.CaseStatus when OwnCase.IsAsked(text) || !NamesMatter(text, language):
                turn.State = turn.State with { Misunderstandings = 0 };
                turn.Send(await cases.StartAsync(text, turn.State, turn.ConversationKey, turn.CancellationToken, Hosting.ClientAddress.Of(turn, httpContext)));
                return true;
            case IntentNames.BookAppointment when Current(turn) is { } discussed && AboutDiscussed(text, language, service, discussed):
                await BookDiscussedAsync(turn, discussed, text);
                return true;
            case IntentNames.BookAppointment when ElsewhereMatter(bookingMatter) is { } elsewhere:
                // Another office's matter ("zapisać się na egzamin na prawo jazdy"): say who handles it; never book a visit here for it.
                if (elsewhere == Current(turn)?.Id)
                {
                    await BookDiscussedAsync(turn, Current(turn)!, text);
                }
                else
                {
                    AnswerCard(turn, elsewhere);
                }

                return true;
            case IntentNames.BookAppointment when booking.CanBook:
                // "Chcę się umówić na wizytę" names no matter: the one under discussion, else the question which.
                var bookable = bookingMatter.FirstOrDefault(c => catalogue.BookableFor(c.Id) is not null)?.Id;
                bookable ??= Current(turn)?.Id;
                await StartBookingAsync(turn, text, bookable);
                return true;
            case IntentNames.CancelAppointment when booking.CanBook:
                turn.State = turn.State with { Misunderstandings = 0 };
                turn.Send(await booking.StartAsync(BookingDialogue.AsksToMove(text) ? BookingActions.Move : BookingActions.Cancel, text, null, turn.State, turn.Incoming, turn.CancellationToken));
                BookingDialogue.Note(turn);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The web page's language buttons: an event named "language" whose value is pl, en, uk or ru.
    /// The conversation goes on in that language (what was said stays); anything else is ignored, as
    /// the Bot Framework ignores events a bot does not know.
    /// </summary>
    private static void SwitchLanguage(Turn turn)
    {
        if (!turn.LanguageFixed && turn.Incoming.Value is { ValueKind: System.Text.Json.JsonValueKind.String } value
            && Languages.TryParse(value.GetString() ?? "", out var requested))
        {
            SetLanguage(turn, requested);
        }
    }

    private static void SetLanguage(Turn turn, Language requested)
    {
        turn.State = turn.State with { Language = requested, LanguageChosen = true };
        turn.Notes.Note(TurnKinds.Language);
        turn.Say(Phrases.Get("language_set", requested), Replies.Actions(requested));
    }

    private static void AnswerSmallTalk(Turn turn, string kind)
    {
        var language = turn.Language;
        turn.Notes.Note(kind);
        turn.State = turn.State with { Misunderstandings = 0 };
        switch (kind)
        {
            case TurnKinds.Goodbye:
                var (question, asked) = SurveyDialogue.Ask(turn.State);
                turn.Say(Phrases.Get("goodbye", language));
                turn.Send((question, asked));
                return;
            case TurnKinds.Greeting:
                turn.Say(Phrases.Get("welcome", language), Replies.Actions(language));
                return;
            default:
                turn.Say(Phrases.Get(kind, language), Replies.Actions(language));
                return;
        }
    }

    /// <summary>A complaint: an apology, the ways to file it (here, by e-mail to the unit, in person) and a person to talk to now.</summary>
    private void AcknowledgeComplaint(Turn turn)
    {
        var language = turn.Language;
        var office = search.Catalogue.Office;
        var unit = (Current(turn)?.Unit is { } code ? office.FindUnit(code) : null) ?? office.FindUnit(handoff.InformationDesk);
        var text = string.Format(CultureInfo.InvariantCulture, Phrases.Get("complaint_ack", language),
            unit?.Name.Best(language) ?? office.Name.Best(language), unit?.Email ?? "", AppointmentNotices.Place(unit, office, language));
        turn.Notes.Note(TurnKinds.Complaint);
        turn.Send(handoff.Offer(turn.State, HandoffReasons.Complaint, text));
    }

    private async Task StartBookingAsync(Turn turn, string text, string? service)
    {
        turn.State = turn.State with { Misunderstandings = 0 };
        turn.Send(await booking.StartAsync(BookingActions.Book, text, service, turn.State, turn.Incoming, turn.CancellationToken));
        BookingDialogue.Note(turn);
    }

    private void OfferPerson(Turn turn, string reason, string? lead = null)
    {
        turn.Notes.Note(TurnKinds.HandoffOffer);
        turn.Send(handoff.Offer(turn.State, reason, lead));
    }

    /// <summary>"I did not understand"; the second time in a row, with the offer of a person.</summary>
    private void Misunderstood(Turn turn, string phrase = "not_understood", string? text = null)
    {
        var count = turn.State.Misunderstandings + 1;
        text ??= Phrases.Get(phrase, turn.Language);
        turn.Notes.Note(TurnKinds.NotUnderstood);
        if (count >= 2)
        {
            turn.Send(handoff.Offer(turn.State, HandoffReasons.Misunderstood, $"{text}\n\n{Phrases.Get("offer_person", turn.Language)}"));
            return;
        }

        turn.State = turn.State with { Misunderstandings = count };
        turn.Say(text, Replies.Actions(turn.Language));
    }

    /// <summary>"I don't know", where the information desk is and its phone, and that a person can help.</summary>
    private string NoAnswer(Language language)
    {
        var office = search.Catalogue.Office;
        var desk = office.FindUnit(handoff.InformationDesk);
        return string.Format(CultureInfo.InvariantCulture, Phrases.Get("no_answer", language),
            AppointmentNotices.Place(desk, office, language), desk?.Phone ?? office.Phone);
    }

    private ServiceCard? Current(Turn turn) => turn.State.CardId is { } id ? search.Catalogue.Find(id) : null;

    /// <summary>
    /// Whether a booking request is about the matter under discussion: it names that card, points back
    /// at it ("tam", "that"), is short ("a można się umówić?"), says only when ("po 16, pracuję do 15"),
    /// or names no other matter once its booking words are set aside.
    /// </summary>
    private bool AboutDiscussed(string text, Language language, string? service, ServiceCard discussed) =>
        service == discussed.Id || FollowUp.Refers(text) || text.Split(' ').Length <= FollowUpWords
        || service is null && HasTimeWish(text)
        || !NamesMatter(FollowUp.WithoutBookingWords(text), language);

    private static bool ConversationalIntent(string intent) =>
        intent is IntentNames.Greeting or IntentNames.Thanks or IntentNames.Goodbye or IntentNames.Help or IntentNames.OutOfScope;

    /// <summary>Books the matter under discussion; one booked elsewhere or by phone is said how, instead of starting a booking here.</summary>
    private async Task BookDiscussedAsync(Turn turn, ServiceCard discussed, string text)
    {
        var catalogue = search.Catalogue;
        if (catalogue.BookableFor(discussed.Id) is not null && booking.CanBook)
        {
            await StartBookingAsync(turn, text, discussed.Id);
            return;
        }

        turn.Notes.Answered(discussed.Id, "booking_info");
        turn.Say(discussed.Redirect is null ? CardAnswer.Booking(discussed, catalogue, turn.Language) : CardAnswer.Write(discussed, catalogue, turn.Language, OfficeNow()), Replies.CardActions(discussed, turn.Language));
    }

    /// <summary>A short message that says when ("jutro o 10", "a w piątek po południu?") and names no matter of its own.</summary>
    private bool IsTimeWishAlone(string text, Language language) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxTimeWishWords
        && HasTimeWish(text)
        && !NamesMatter(FollowUp.WithoutBookingWords(DateTimeRecognizer.WithoutWhen(text)), language);

    private bool HasTimeWish(string text) => !SlotWish.Read(text, DateOnly.FromDateTime(OfficeNow().DateTime)).IsEmpty;

    private DateTimeOffset OfficeNow() => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), officeTime);

    private static Language? Hint(string? locale) =>
        locale is { Length: >= 2 } && Languages.TryParse(locale[..2], out var language) ? language : null;

    private static bool SameScript(Language a, Language b) => (a is Language.Uk or Language.Ru) == (b is Language.Uk or Language.Ru);
}

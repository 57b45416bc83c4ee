using System.Text.RegularExpressions;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation.Booking;
using Asystent.Bot.Handoff;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;

namespace Asystent.Bot.Conversation.Handoff;

/// <summary>
/// Passing a conversation to a person, as the office's standards ask: first the person's consent
/// (naming who will answer and the direct number), then the unit's queue with the place and the
/// expected wait, or, when the office is closed or nobody is free, a callback request (contact,
/// when, about what). While a clerk has the conversation, messages go to the clerk; the person can
/// leave the queue or end the chat at any time.
/// </summary>
public sealed partial class HandoffDialogue(HandoffQueues queue, CardSearchService search) : IDialogue
{
    private const int MaxPreferredTimeLength = 100;
    private const int MaxTopicLength = 300;
    private const int MaxContactTries = 3;

    private static readonly string[] WhenKeys = ["when_soon", "when_morning", "when_afternoon"];

    /// <summary>Asks for consent to pass the conversation to the unit of the card under discussion (else the information desk).</summary>
    /// <summary>The unit that takes what no other unit can (Handoff:InformationDesk).</summary>
    public string InformationDesk => queue.InformationDesk;

    public (IReadOnlyList<Activity>, DialogState) Offer(DialogState state, string reason, string? lead = null)
    {
        var language = state.Language;
        var unit = (state.CardId is { } id ? search.Catalogue.Find(id)?.Unit : null) ?? queue.InformationDesk;
        var text = HandoffPhrases.Format("consent", language, UnitName(unit, language), Phone(unit));
        var actions = new SuggestedActions { Actions = [Replies.ImBack(HandoffPhrases.Get("yes_connect", language)), Replies.ImBack(HandoffPhrases.Get("no_thanks", language))] };
        return ([Replies.Message(lead is null ? text : $"{lead}\n\n{text}", language, actions)],
            state with { Handoff = new HandoffDialog(HandoffSteps.Consent, reason, unit), Misunderstandings = 0, Booking = null, Case = null });
    }

    /// <summary>
    /// A callback asked for in words ("proszę o telefon jutro rano, 600 100 200"): whatever the message
    /// already gives (contact, when) is taken, the matter comes from the conversation, and only what
    /// is missing is asked for before the read-back.
    /// </summary>
    public void RequestCallback(Turn turn)
    {
        var state = turn.State;
        var unit = (state.CardId is { } id ? search.Catalogue.Find(id)?.Unit : null) ?? queue.InformationDesk;
        var dialog = new HandoffDialog(HandoffSteps.CallbackContact, HandoffReasons.Request, unit, Topic: Topic(state));
        turn.State = state with { Handoff = dialog, Misunderstandings = 0, Booking = null, Case = null };
        TakeCallbackDetails(turn, dialog, turn.Text, ask: true);
    }

    public bool IsActive(Turn turn) => turn.State.Handoff is not null;

    /// <summary>The next step with the person's answer; a message that is not an answer (a new question) drops the handoff.</summary>
    public async Task<DialogueOutcome> ContinueAsync(Turn turn)
    {
        if (await AnswerAsync(turn))
        {
            return DialogueOutcome.Handled;
        }

        turn.State = turn.State with { Handoff = null };
        return DialogueOutcome.Ended;
    }

    private async Task<bool> AnswerAsync(Turn turn)
    {
        var (text, state, language) = (turn.Text, turn.State, turn.Language);
        var dialog = state.Handoff!;
        switch (dialog.Step)
        {
            case HandoffSteps.Consent when HandoffPhrases.Is(text, "yes_connect") || ShortAnswers.IsYes(text):
                turn.Send(await ConnectAsync(dialog, state, turn.Channel, turn.ConversationKey, turn.CancellationToken));
                return true;
            case HandoffSteps.Consent when HandoffPhrases.Is(text, "no_thanks") || ShortAnswers.IsNo(text) || BookingDialogue.AsksToStop(text):
                Leave(turn, Phrases.Get("ask_next", language));
                return true;
            case HandoffSteps.Consent:
                return false;

            case HandoffSteps.Waiting when Leaves(text):
                await queue.LeaveAsync(dialog.HandoffId!.Value, turn.CancellationToken);
                var left = HandoffPhrases.Get("left_queue", language);
                Leave(turn, left, HandoffEvents.StatusOf("failed", left));
                return true;
            case HandoffSteps.Waiting:
                await queue.ResidentSaidAsync(dialog.HandoffId!.Value, text, turn.CancellationToken);
                if (await queue.PlaceAsync(dialog.HandoffId.Value, turn.CancellationToken) is { } place)
                {
                    turn.Say($"{HandoffPhrases.Get("seen_later", language)} {HandoffPhrases.Place(place, language)}", LeaveAction(language, "leave_queue"));
                }

                return true;

            case HandoffSteps.WithClerk when Leaves(text):
                await queue.LeaveAsync(dialog.HandoffId!.Value, turn.CancellationToken);
                var ended = HandoffPhrases.Get("chat_ended", language);
                Leave(turn, ended, HandoffEvents.StatusOf("completed", ended));
                return true;
            case HandoffSteps.WithClerk:
                // The clerk answers; the assistant stays silent.
                await queue.ResidentSaidAsync(dialog.HandoffId!.Value, text, turn.CancellationToken);
                return true;

            case HandoffSteps.CallbackConfirm when HandoffPhrases.Is(text, "yes_save") || ShortAnswers.IsYes(text):
                await SaveCallbackAsync(turn, dialog);
                return true;
            case HandoffSteps.CallbackConfirm when HandoffPhrases.Is(text, "change_details") || ShortAnswers.IsNo(text):
                turn.State = state with { Handoff = dialog with { Step = HandoffSteps.CallbackContact, Contact = null, PreferredTime = null } };
                turn.Say(HandoffPhrases.Get("callback_fix", language), NoThanks(language));
                return true;
            case HandoffSteps.CallbackContact or HandoffSteps.CallbackTime or HandoffSteps.CallbackTopic or HandoffSteps.CallbackConfirm
                when BookingDialogue.AsksToStop(text) || HandoffPhrases.Is(text, "no_thanks"):
                Leave(turn, Phrases.Get("ask_next", language));
                return true;
            case HandoffSteps.CallbackContact or HandoffSteps.CallbackConfirm:
                if (BookingDialogue.Contact(text) is null && dialog.Contact is null)
                {
                    if (dialog.Tries + 1 >= MaxContactTries)
                    {
                        Leave(turn, HandoffPhrases.Format("callback_gave_up", language, Phone(dialog.Unit)));
                    }
                    else
                    {
                        turn.State = state with { Handoff = dialog with { Tries = dialog.Tries + 1 } };
                        turn.Say(HandoffPhrases.Get("callback_contact_again", language), NoThanks(language));
                    }

                    return true;
                }

                TakeCallbackDetails(turn, dialog, text, ask: true);
                return true;
            case HandoffSteps.CallbackTime:
                TakeCallbackDetails(turn, dialog with { PreferredTime = CallbackTime.Find(text) ?? Shorten(text, MaxPreferredTimeLength) }, text, ask: true);
                return true;
            case HandoffSteps.CallbackTopic:
                TakeCallbackDetails(turn, dialog with { Topic = Shorten(text, MaxTopicLength) }, text, ask: true);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Takes the contact and the time a message gives, then asks for what is missing or reads it all back.</summary>
    private static void TakeCallbackDetails(Turn turn, HandoffDialog dialog, string text, bool ask)
    {
        var language = turn.Language;
        if (BookingDialogue.Contact(text) is { } contact)
        {
            dialog = dialog with { Contact = contact.Phone ?? contact.Email };
        }

        if (dialog.PreferredTime is null && CallbackTime.Find(text) is { } when)
        {
            dialog = dialog with { PreferredTime = Shorten(when, MaxPreferredTimeLength) };
        }

        if (dialog.Contact is null)
        {
            turn.State = turn.State with { Handoff = dialog with { Step = HandoffSteps.CallbackContact } };
            turn.Notes.Note("callback_contact");
            turn.Say(HandoffPhrases.Get("callback_contact", language), NoThanks(language));
        }
        else if (dialog.PreferredTime is null)
        {
            turn.State = turn.State with { Handoff = dialog with { Step = HandoffSteps.CallbackTime } };
            turn.Notes.Note("callback_time");
            turn.Say(HandoffPhrases.Get("callback_when", language), WhenActions(language));
        }
        else if (dialog.Topic is null)
        {
            turn.State = turn.State with { Handoff = dialog with { Step = HandoffSteps.CallbackTopic } };
            turn.Notes.Note("callback_topic");
            turn.Say(HandoffPhrases.Get("callback_topic", language), NoThanks(language));
        }
        else
        {
            turn.State = turn.State with { Handoff = dialog with { Step = HandoffSteps.CallbackConfirm } };
            turn.Notes.Note("callback_confirm");
            turn.Say(HandoffPhrases.Format("callback_confirm", language, Readable(dialog.Contact), dialog.PreferredTime, dialog.Topic),
                new SuggestedActions { Actions = [Replies.ImBack(HandoffPhrases.Get("yes_save", language)), Replies.ImBack(HandoffPhrases.Get("change_details", language)), Replies.ImBack(HandoffPhrases.Get("no_thanks", language))] });
        }
    }

    private static void Leave(Turn turn, string text, params Activity[] events)
    {
        turn.State = turn.State with { Handoff = null };
        turn.Send([Replies.Message(text, turn.Language, Replies.Actions(turn.Language)), .. events]);
    }

    // The matter of a callback: the card under discussion, in the person's language.
    private string? Topic(DialogState state) =>
        state.CardId is { } id && search.Catalogue.Find(id) is { } card ? card.Title.Best(state.Language) : null;

    private static string Readable(string contact) => contact.StartsWith('+') ? ContactDetails.Readable(contact) : contact;

    private async Task<(IReadOnlyList<Activity>, DialogState)> ConnectAsync(HandoffDialog dialog, DialogState state, string channel, string conversationKey, CancellationToken cancellationToken)
    {
        var language = state.Language;
        var route = queue.Route(dialog.Unit);
        if (route.Unit is not { } unit)
        {
            var ask = HandoffPhrases.Get(route.OfficeClosed ? "callback_closed" : "callback_busy", language);
            return ([Replies.Message(ask, language, NoThanks(language))], state with { Handoff = dialog with { Step = HandoffSteps.CallbackContact, Topic = Topic(state) } });
        }

        var handoff = await queue.EnqueueAsync(conversationKey, channel, unit, state.CardId, language.Code(), dialog.Reason, cancellationToken);
        var place = await queue.PlaceAsync(handoff.Id, cancellationToken);
        var text = HandoffPhrases.Format("queued", language, UnitName(unit, language), place is null ? "" : HandoffPhrases.Place(place, language));
        return ([Replies.Message(text, language, LeaveAction(language, "leave_queue")), HandoffEvents.Initiation(handoff.Id, unit, state.CardId, language.Code(), dialog.Reason)],
            state with { Handoff = dialog with { Step = HandoffSteps.Waiting, Unit = unit, HandoffId = handoff.Id } });
    }

    private async Task SaveCallbackAsync(Turn turn, HandoffDialog dialog)
    {
        var language = turn.Language;
        var number = await queue.RequestCallbackAsync(new CallbackRequestRecord
        {
            Unit = dialog.Unit, Contact = dialog.Contact!, PreferredTime = dialog.PreferredTime ?? "", Topic = dialog.Topic ?? "", Language = language.Code(),
            Channel = turn.Channel, ConversationId = turn.ConversationKey, CreatedAt = default,
        }, turn.CancellationToken);
        turn.Notes.Note("callback_saved");
        Leave(turn, HandoffPhrases.Format("callback_saved", language, number, Readable(dialog.Contact!), dialog.PreferredTime ?? "", dialog.Topic ?? ""));
    }

    private static bool Leaves(string text) =>
        HandoffPhrases.Is(text, "leave_queue") || HandoffPhrases.Is(text, "leave_chat") || BookingDialogue.AsksToStop(text) || LeaveWords().IsMatch(text);

    private string UnitName(string unit, Language language) => search.Catalogue.Office.FindUnit(unit)?.Name.Best(language) ?? unit;

    private string Phone(string unit)
    {
        var office = search.Catalogue.Office;
        return office.FindUnit(unit)?.Phone ?? office.FindUnit(queue.InformationDesk)?.Phone ?? office.Phone ?? "";
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];

    private static SuggestedActions LeaveAction(Language language, string key) => new() { Actions = [Replies.ImBack(HandoffPhrases.Get(key, language))] };

    private static SuggestedActions NoThanks(Language language) => LeaveAction(language, "no_thanks");

    private static SuggestedActions WhenActions(Language language) => new()
    {
        Actions = WhenKeys.Select(key => Replies.ImBack(HandoffPhrases.Get(key, language))).ToList(),
    };

    [GeneratedRegex(@"wyjd[źz]|opu[śs][ćc]|zako[ńn]cz|leave the queue|end (the )?chat|вийти|выйти|завершит", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveWords();
}

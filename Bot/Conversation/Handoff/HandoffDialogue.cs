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
public sealed partial class HandoffDialogue(HandoffQueues queue, CardSearchService search)
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
        var actions = new SuggestedActions { Actions = [AssistantBot.ImBack(HandoffPhrases.Get("yes_connect", language)), AssistantBot.ImBack(HandoffPhrases.Get("no_thanks", language))] };
        return ([AssistantBot.Message(lead is null ? text : $"{lead}\n\n{text}", language, actions)],
            state with { Handoff = new HandoffDialog(HandoffSteps.Consent, reason, unit), Misunderstandings = 0, Booking = null, Case = null });
    }

    /// <summary>The next step with the person's answer; null when the message is not an answer (a new question) and the handoff is dropped.</summary>
    public async Task<(IReadOnlyList<Activity>, DialogState)?> ContinueAsync(string text, DialogState state, Activity incoming, string conversationKey, CancellationToken cancellationToken)
    {
        var dialog = state.Handoff!;
        var language = state.Language;
        switch (dialog.Step)
        {
            case HandoffSteps.Consent when HandoffPhrases.Is(text, "yes_connect") || ShortAnswers.IsYes(text):
                return await ConnectAsync(dialog, state, incoming.ChannelId ?? ConversationStore.DefaultChannel, conversationKey, cancellationToken);
            case HandoffSteps.Consent when HandoffPhrases.Is(text, "no_thanks") || ShortAnswers.IsNo(text) || BookingDialogue.AsksToStop(text):
                return ([AssistantBot.Message(Phrases.Get("ask_next", language), language, AssistantBot.Actions(language))], state with { Handoff = null });
            case HandoffSteps.Consent:
                return null;

            case HandoffSteps.Waiting when Leaves(text):
                await queue.LeaveAsync(dialog.HandoffId!.Value, cancellationToken);
                var left = HandoffPhrases.Get("left_queue", language);
                return ([AssistantBot.Message(left, language, AssistantBot.Actions(language)), HandoffEvents.StatusOf("failed", left)], state with { Handoff = null });
            case HandoffSteps.Waiting:
                await queue.ResidentSaidAsync(dialog.HandoffId!.Value, text, cancellationToken);
                var place = await queue.PlaceAsync(dialog.HandoffId.Value, cancellationToken);
                return place is null ? ([], state)
                    : ([AssistantBot.Message($"{HandoffPhrases.Get("seen_later", language)} {HandoffPhrases.Place(place, language)}", language, LeaveAction(language, "leave_queue"))], state);

            case HandoffSteps.WithClerk when Leaves(text):
                await queue.LeaveAsync(dialog.HandoffId!.Value, cancellationToken);
                var ended = HandoffPhrases.Get("chat_ended", language);
                return ([AssistantBot.Message(ended, language, AssistantBot.Actions(language)), HandoffEvents.StatusOf("completed", ended)], state with { Handoff = null });
            case HandoffSteps.WithClerk:
                // The clerk answers; the assistant stays silent.
                await queue.ResidentSaidAsync(dialog.HandoffId!.Value, text, cancellationToken);
                return ([], state);

            case HandoffSteps.CallbackContact or HandoffSteps.CallbackTime or HandoffSteps.CallbackTopic when BookingDialogue.AsksToStop(text) || HandoffPhrases.Is(text, "no_thanks"):
                return ([AssistantBot.Message(Phrases.Get("ask_next", language), language, AssistantBot.Actions(language))], state with { Handoff = null });
            case HandoffSteps.CallbackContact:
                if (BookingDialogue.Contact(text) is not { } contact)
                {
                    return dialog.Tries + 1 >= MaxContactTries
                        ? ([AssistantBot.Message(HandoffPhrases.Format("callback_gave_up", language, Phone(dialog.Unit)), language, AssistantBot.Actions(language))], state with { Handoff = null })
                        : ([AssistantBot.Message(HandoffPhrases.Get("callback_contact_again", language), language, NoThanks(language))], state with { Handoff = dialog with { Tries = dialog.Tries + 1 } });
                }

                return ([AssistantBot.Message(HandoffPhrases.Get("callback_when", language), language, WhenActions(language))],
                    state with { Handoff = dialog with { Step = HandoffSteps.CallbackTime, Contact = contact.Phone ?? contact.Email } });
            case HandoffSteps.CallbackTime:
                var when = Shorten(text, MaxPreferredTimeLength);
                if (state.CardId is { } cardId && search.Catalogue.Find(cardId) is { } card)
                {
                    return await SaveCallbackAsync(dialog with { PreferredTime = when }, card.Title.Best(language), state, incoming, conversationKey, cancellationToken);
                }

                return ([AssistantBot.Message(HandoffPhrases.Get("callback_topic", language), language, NoThanks(language))],
                    state with { Handoff = dialog with { Step = HandoffSteps.CallbackTopic, PreferredTime = when } });
            case HandoffSteps.CallbackTopic:
                return await SaveCallbackAsync(dialog, Shorten(text, MaxTopicLength), state, incoming, conversationKey, cancellationToken);
            default:
                return null;
        }
    }

    private async Task<(IReadOnlyList<Activity>, DialogState)> ConnectAsync(HandoffDialog dialog, DialogState state, string channel, string conversationKey, CancellationToken cancellationToken)
    {
        var language = state.Language;
        var route = queue.Route(dialog.Unit);
        if (route.Unit is not { } unit)
        {
            var ask = HandoffPhrases.Get(route.OfficeClosed ? "callback_closed" : "callback_busy", language);
            return ([AssistantBot.Message(ask, language, NoThanks(language))], state with { Handoff = dialog with { Step = HandoffSteps.CallbackContact } });
        }

        var handoff = await queue.EnqueueAsync(conversationKey, channel, unit, state.CardId, language.Code(), dialog.Reason, cancellationToken);
        var place = await queue.PlaceAsync(handoff.Id, cancellationToken);
        var text = HandoffPhrases.Format("queued", language, UnitName(unit, language), place is null ? "" : HandoffPhrases.Place(place, language));
        return ([AssistantBot.Message(text, language, LeaveAction(language, "leave_queue")), HandoffEvents.Initiation(handoff.Id, unit, state.CardId, language.Code(), dialog.Reason)],
            state with { Handoff = dialog with { Step = HandoffSteps.Waiting, Unit = unit, HandoffId = handoff.Id } });
    }

    private async Task<(IReadOnlyList<Activity>, DialogState)> SaveCallbackAsync(HandoffDialog dialog, string topic, DialogState state, Activity incoming, string conversationKey, CancellationToken cancellationToken)
    {
        var language = state.Language;
        var number = await queue.RequestCallbackAsync(new CallbackRequestRecord
        {
            Unit = dialog.Unit, Contact = dialog.Contact!, PreferredTime = dialog.PreferredTime ?? "", Topic = topic, Language = language.Code(),
            Channel = incoming.ChannelId ?? ConversationStore.DefaultChannel, ConversationId = conversationKey, CreatedAt = default,
        }, cancellationToken);
        var contact = dialog.Contact!.StartsWith('+') ? ContactDetails.Readable(dialog.Contact) : dialog.Contact;
        var text = HandoffPhrases.Format("callback_saved", language, number, contact, dialog.PreferredTime ?? "", topic);
        return ([AssistantBot.Message(text, language, AssistantBot.Actions(language))], state with { Handoff = null });
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

    private static SuggestedActions LeaveAction(Language language, string key) => new() { Actions = [AssistantBot.ImBack(HandoffPhrases.Get(key, language))] };

    private static SuggestedActions NoThanks(Language language) => LeaveAction(language, "no_thanks");

    private static SuggestedActions WhenActions(Language language) => new()
    {
        Actions = WhenKeys.Select(key => AssistantBot.ImBack(HandoffPhrases.Get(key, language))).ToList(),
    };

    [GeneratedRegex(@"wyjd[źz]|opu[śs][ćc]|zako[ńn]cz|leave the queue|end (the )?chat|вийти|выйти|завершит", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveWords();
}

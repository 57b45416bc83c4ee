using System.Globalization;
using System.Text.RegularExpressions;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Cases;
using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;

namespace Asystent.Bot.Conversation.Cases;

/// <summary>
/// "What is happening with my case?": the case number (from the question when it has one), the code
/// from the receipt, then the status in plain words with what happens next and the deadline; when
/// ready, where and when to collect it and an offer to book a visit; otherwise an offer to be told
/// by SMS when it is ready. Wrong numbers and codes get one answer, and too many of them a pause.
/// </summary>
public sealed partial class CaseStatusDialogue(IServiceScopeFactory scopes, CardSearchService search, FailedAttempts failures, Handoff.HandoffDialogue handoff, IHttpContextAccessor http) : IDialogue
{
    private const int MaxRetries = 3;

    /// <summary>Whether the dialogue waits for an answer (a number, a code, a contact) rather than having shown a status.</summary>
    public static bool IsWaiting(CaseDialog? dialog) => dialog is { Step: not CaseSteps.Shown };

    /// <summary>"Let me know when it is ready", by the button or in words.</summary>
    public static bool AsksToBeNotified(string text) => CasePhrases.Is(text, "notify_me") || NotifyWords().IsMatch(text);

    /// <summary>While it waits for a number, a code or a contact; after a status, only for "let me know when it is ready".</summary>
    public bool IsActive(Turn turn) => IsWaiting(turn.State.Case) || turn.State.Case is not null && AsksToBeNotified(turn.Text);

    public async Task<DialogueOutcome> ContinueAsync(Turn turn)
    {
        var (text, state) = (turn.Text, turn.State);
        if (Phrases.KeyOf(text, "talk_to_person") is not null)
        {
            turn.Notes.Note(TurnKinds.HandoffOffer);
            turn.Send(handoff.Offer(state, Handoff.HandoffReasons.Request));
        }
        else if (Phrases.KeyOf(text, "another") is not null || Booking.BookingDialogue.AsksToStop(text))
        {
            turn.State = state with { Case = null };
            turn.Say(Phrases.Get("ask_next", turn.Language));
        }
        else
        {
            turn.Send(await ContinueAsync(text, state, turn.ConversationKey, turn.CancellationToken, Hosting.ClientAddress.Of(turn, http)));
        }

        return DialogueOutcome.Handled;
    }

    public async Task<(IReadOnlyList<Activity>, DialogState)> StartAsync(string text, DialogState state, string conversationKey, CancellationToken cancellationToken, string? address = null)
    {
        var number = CaseNumberRecognizer.Find(text);
        if (number is null)
        {
            return Say(CasePhrases.Get("ask_number", state.Language), state with { Case = new CaseDialog(CaseSteps.Number) });
        }

        var dialog = new CaseDialog(CaseSteps.Code, number);
        return CodeIn(text, number) is { } code
            ? await VerifyAsync(dialog, code, state, conversationKey, address, cancellationToken)
            : Say(CasePhrases.Get("ask_code", state.Language), state with { Case = dialog });
    }

    public async Task<(IReadOnlyList<Activity>, DialogState)> ContinueAsync(string text, DialogState state, string conversationKey, CancellationToken cancellationToken, string? address = null)
    {
        var dialog = state.Case!;
        var language = state.Language;
        switch (dialog.Step)
        {
            case CaseSteps.Number:
                return CaseNumberRecognizer.Find(text) is null
                    ? Retry(dialog, state, "ask_number")
                    : await StartAsync(text, state, conversationKey, cancellationToken, address);

            case CaseSteps.Code:
                var number = CaseNumberRecognizer.Find(text) ?? dialog.Number!;
                return CodeIn(text, number) is { } code
                    ? await VerifyAsync(dialog with { Number = number }, code, state, conversationKey, address, cancellationToken)
                    : Retry(dialog with { Number = number }, state, "ask_code");

            case CaseSteps.Shown:
                return Say(CasePhrases.Get("ask_contact", language), state with { Case = dialog with { Step = CaseSteps.Contact, Retries = 0 } });

            case CaseSteps.Contact:
                var contact = ContactRecognizer.FindPhone(text) is { } phone ? new ContactDetails(phone, null)
                    : ContactRecognizer.FindEmail(text) is { } email ? ContactDetails.Parse(null, email).Contact : null;
                if (contact is null)
                {
                    return Retry(dialog, state, "bad_contact");
                }

                await using (var scope = scopes.CreateAsyncScope())
                {
                    var cases = scope.ServiceProvider.GetRequiredService<CaseRegistry>();
                    var found = await cases.FindVerifiedAsync(dialog.Number!, cancellationToken);
                    var watching = found is not null && await cases.WatchAsync(found, contact, language, "chat", cancellationToken);
                    var reply = watching
                        ? string.Format(CultureInfo.InvariantCulture, CasePhrases.Get("watching", language), dialog.Number, contact.Phone is { } p ? ContactDetails.Readable(p) : contact.Email)
                        : CasePhrases.Get("already_ready", language);
                    return ([Replies.Message(reply, language, Replies.Actions(language))], state with { Case = null });
                }
        }

        return ([], state with { Case = null });
    }

    private async Task<(IReadOnlyList<Activity>, DialogState)> VerifyAsync(CaseDialog dialog, string code, DialogState state, string conversationKey, string? address, CancellationToken cancellationToken)
    {
        var language = state.Language;
        // Counted per conversation, per case and per address: a fresh conversation for every guess still meets the address limit.
        string[] keys = [$"conversation:{conversationKey}", $"case:{dialog.Number}", FailedAttempts.Address(address ?? $"conversation:{conversationKey}")];
        if (failures.RetryAfter(keys) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            return ([Replies.Message(string.Format(CultureInfo.InvariantCulture, CasePhrases.Get("blocked", language), minutes, search.Catalogue.Office.Phone), language, Replies.Actions(language))],
                state with { Case = null });
        }

        await using var scope = scopes.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<CaseRegistry>();
        if (await cases.VerifyAsync(dialog.Number!, code, cancellationToken) is not { } found)
        {
            failures.Fail(keys);
            return Say(CasePhrases.Get("not_found", language), state with { Case = dialog with { Step = CaseSteps.Code } });
        }

        var view = cases.Describe(found, language);
        var text = $"**{string.Format(CultureInfo.InvariantCulture, CasePhrases.Get("case", language), view.CaseNumber)}**\n\n{view.StatusText}\n\n{view.NextStep}";
        if (view.Status is CaseStatus.Received or CaseStatus.InProgress or CaseStatus.WaitingForDocuments)
        {
            text += $"\n\n{view.DeadlineText}";
        }

        if (view.Pickup is { } pickup)
        {
            text += "\n\n" + (pickup.HoursToday is { } hours ? string.Format(CultureInfo.InvariantCulture, CasePhrases.Get("open_today", language), hours) : CasePhrases.Get("closed_today", language));
        }

        var keysOffered = view.ReadyForPickup
            ? (search.Catalogue.BookableFor(view.Service) is not null ? [Phrases.Get("book_visit", language)] : [])
            : view.Status == CaseStatus.Closed ? [] : new[] { CasePhrases.Get("notify_me", language) };
        var actions = keysOffered.Select(Replies.ImBack).Concat(Replies.Actions(language).Actions).ToList();
        return ([Replies.Message(text, language, new SuggestedActions { Actions = actions })],
            state with { Case = new CaseDialog(CaseSteps.Shown, view.CaseNumber), CardId = search.Catalogue.Find(view.Service) is null ? state.CardId : view.Service, Misunderstandings = 0 });
    }

    private static (IReadOnlyList<Activity>, DialogState) Retry(CaseDialog dialog, DialogState state, string phrase)
    {
        if (dialog.Retries + 1 >= MaxRetries)
        {
            return ([Replies.Message(Phrases.Get("offer_person", state.Language), state.Language, Replies.Actions(state.Language))], state with { Case = null });
        }

        return Say(CasePhrases.Get(phrase, state.Language), state with { Case = dialog with { Retries = dialog.Retries + 1 } });
    }

    private static (IReadOnlyList<Activity>, DialogState) Say(string text, DialogState state) =>
        ([Replies.Message(text, state.Language, new SuggestedActions { Actions = [Replies.ImBack(Phrases.Get("talk_to_person", state.Language))] })], state);

    /// <summary>The code in a message: a run of 6 to 16 letters and digits with a digit in it, other than the case number.</summary>
    private static string? CodeIn(string text, string number)
    {
        var rest = KnowledgeBase.Entities.ParticularPatterns.CaseNumber().Replace(text, " ");
        return CodeCandidate().Matches(rest).Select(m => m.Value).FirstOrDefault(c => CaseCodes.Normalize(c) is { Length: >= 6 and <= 16 } && c.Any(char.IsAsciiDigit) && c != number);
    }

    [GeneratedRegex(@"(?<![\p{L}\d])[\p{L}\d][\p{L}\d -]{4,20}[\p{L}\d](?![\p{L}\d])")]
    private static partial Regex CodeCandidate();

    [GeneratedRegex(@"da(j|jcie) (mi )?zna(ć|c)|powiadom|let me know|notify me|text me|повідом|сообщите|сообщить|дайте знать", RegexOptions.IgnoreCase)]
    private static partial Regex NotifyWords();
}

using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Understanding;

namespace Asystent.Bot.Channels.Voice;

/// <summary>
/// Menu 3 of the phone line. Booking: the matter in the caller's words, three nearest free times by
/// key, the name by speech, a read-back; the calling number receives the confirmation by SMS.
/// Moving or cancelling: the visits booked from the calling number, one chosen by key, and its code
/// keyed (letters as their keys) before anything changes.
/// </summary>
internal static class VoiceVisits
{
    private const int Offered = 3;

    public static async Task<TwiML> StepAsync(VoiceBranch branch, AppointmentBook book, KnowledgeBase.Cases.FailedAttempts failures, CancellationToken cancellationToken)
    {
        var call = branch.Call;
        var language = call.Language;
        var state = branch.State;
        if (ContactDetails.NormalizePhone(branch.From) is not { } phone)
        {
            return call.Menu(VoicePhrases.Get("no_caller_number", language));
        }

        switch (branch.Step)
        {
            case "visit_menu" when branch.Digits == "1":
                return call.AskVisitService();
            case "visit_menu" when branch.Digits == "2":
                var visits = await book.UpcomingForPhoneAsync(phone, cancellationToken);
                if (visits.Count == 0)
                {
                    return call.Menu(VoicePhrases.Get("no_visits", language));
                }

                branch.Save(state with { Visits = visits.Take(Offered).Select(v => v.Code).ToList() });
                return call.PickVisit(visits.Take(Offered).Select(v => (Title(book, v.QueueId, language), book.InOfficeTime(v.StartsAt))).ToList());

            case "visit_service":
                var results = branch.Search.Search(new SearchRequest(branch.Speech, language, 1)).Results;
                if (branch.Speech.Trim().Length == 0 || results.Count == 0 || results[0].Score < MessageInterpreter.ServiceMinScore)
                {
                    return call.AskVisitService(VoicePhrases.Get("not_understood", language));
                }

                if (book.Service(results[0].Id) is not { } service)
                {
                    return call.Menu(string.Format(System.Globalization.CultureInfo.InvariantCulture, VoicePhrases.Get("not_bookable", language), results[0].Title));
                }

                return await OfferAsync(branch, book, service, state with { VisitCode = null }, null, cancellationToken);
            case "visit_slot" when state.Slots is { } slots && branch.Choice(slots.Count) is { } slot:
                branch.Save(state with { Chosen = slots[slot - 1] });
                return state.VisitCode is { } moving ? await MoveAsync(branch, book, moving, phone, slots[slot - 1], cancellationToken) : call.AskName();
            case "visit_name" when state.Chosen is { } chosen && branch.Speech.Trim() is { Length: > 1 } name:
                branch.Save(state with { Name = name });
                return call.ConfirmVisit(Title(book, state.QueueId!, language), chosen, name);
            case "visit_name":
                return call.AskName();
            case "visit_confirm" when branch.Digits == "1" && state is { Chosen: { } start, Name: { } who, QueueId: { } queue }:
                var booked = await book.BookAsync(new BookingRequest(queue, start, who, phone, null, language, "voice"), cancellationToken);
                if (booked.Visit is { } visit)
                {
                    branch.Save(new VoiceCallState());
                    return call.Booked(start, visit.Code);
                }

                return book.Service(queue) is { } again
                    ? await OfferAsync(branch, book, again, state, VoicePhrases.Get("slot_gone", language), cancellationToken)
                    : call.Menu();

            case "visit_pick" when state.Visits is { } codes && branch.Choice(codes.Count) is { } picked:
                branch.Save(state with { VisitCode = codes[picked - 1] });
                return call.AskVisitCode();
            case "visit_code" when state.VisitCode is { } code:
                var caller = KnowledgeBase.Cases.FailedAttempts.Address(Hosting.ClientAddress.OfCaller(phone));
                if (failures.RetryAfter(caller) is not null)
                {
                    return call.Menu(VoicePhrases.Get("visit_failed", language));
                }

                // The code the caller keys must be this visit's: the number alone is not proof enough to change it.
                if (Keypad.Entered(branch.Digits) != Keypad.Digits(code))
                {
                    failures.Fail(caller);
                    return call.AskVisitCode(VoicePhrases.Get("wrong_visit_code", language));
                }

                return call.VisitAction();
            case "visit_action" when state.VisitCode is { } code && branch.Digits == "1":
                var cancelled = await book.CancelAsync(code, new ContactDetails(phone, null), "voice", cancellationToken);
                branch.Save(new VoiceCallState());
                return call.Menu(VoicePhrases.Get(cancelled.Visit is null ? "visit_failed" : "visit_cancelled", language));
            case "visit_action" when state.VisitCode is { } code && branch.Digits == "2":
                var current = await book.FindAsync(code, new ContactDetails(phone, null), cancellationToken);
                return current is not null && book.Service(current.QueueId) is { } same
                    ? await OfferAsync(branch, book, same, state, null, cancellationToken)
                    : call.Menu(VoicePhrases.Get("visit_failed", language));
            default:
                return call.VisitMenu();
        }
    }

    private static async Task<TwiML> OfferAsync(VoiceBranch branch, AppointmentBook book, BookableService service, VoiceCallState state, string? lead, CancellationToken cancellationToken)
    {
        var today = book.Calendar.Today(branch.Clock.GetUtcNow());
        var free = await book.FreeSlotsAsync(service, today, today.AddDays(service.HorizonDays), cancellationToken);
        var slots = free.Take(Offered).Select(s => s.Start).ToList();
        if (slots.Count == 0)
        {
            return branch.Call.Menu(VoicePhrases.Get("no_slots", branch.Call.Language));
        }

        branch.Save(state with { QueueId = service.Id, Slots = slots, Chosen = null });
        return branch.Call.OfferSlots(service.Title.Best(branch.Call.Language), slots, lead);
    }

    private static async Task<TwiML> MoveAsync(VoiceBranch branch, AppointmentBook book, string code, string phone, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var moved = await book.MoveAsync(code, new ContactDetails(phone, null), start, "voice", cancellationToken);
        branch.Save(new VoiceCallState());
        return moved.Visit is null
            ? branch.Call.Menu(VoicePhrases.Get("visit_failed", branch.Call.Language))
            : branch.Call.Menu(string.Format(System.Globalization.CultureInfo.InvariantCulture, VoicePhrases.Get("visit_moved", branch.Call.Language), branch.Call.When(start)));
    }

    private static string Title(AppointmentBook book, string queueId, KnowledgeBase.Languages.Language language) =>
        book.Service(queueId)?.Title.Best(language) ?? queueId;
}

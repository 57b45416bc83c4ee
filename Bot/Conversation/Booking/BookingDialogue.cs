using System.Globalization;
using System.Text.RegularExpressions;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Cases;
using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Understanding;

namespace Asystent.Bot.Conversation.Booking;

/// <summary>
/// Booking, moving and cancelling a visit in the conversation, on every channel: which service (from
/// the conversation when it was just discussed), three nearest free times or the person's own wish
/// ("we wtorek po 14"), name, phone or e-mail, a read-back, and the code with a calendar file. Every
/// question can be answered by a button or in words; an unclear answer gets the question again with
/// an example, and after three the person is offered the phone and a clerk.
/// </summary>
public sealed partial class BookingDialogue(IServiceScopeFactory scopes, CardSearchService search, KnowledgeBaseOptions options, TimeProvider clock, IConfiguration configuration,
    MessageInterpreter interpreter, Handoff.HandoffDialogue handoff, FailedAttempts failures, IHttpContextAccessor http) : IDialogue
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    private const int OfferSize = 3;
    private const int MaxRetries = 3;

    public bool CanBook => search.Catalogue.Booking.Queues.Count > 0;

    /// <summary>Whether a message asks to move a visit rather than cancel it ("przełożyć", "reschedule").</summary>
    public static bool AsksToMove(string text) => MoveWords().IsMatch(text);

    /// <summary>Whether the dialogue waits for a choice, a day or a code (where a new request may come instead), not for the person's particulars.</summary>
    public static bool MayBeInterrupted(BookingDialog dialog) => dialog.Step is not (BookingSteps.Name or BookingSteps.Contact);

    /// <summary>Whether a message ends the dialogue ("anuluj", "stop", the "No, stop" button).</summary>
    public static bool AsksToStop(string text) => BookingPhrases.Is(text, "stop") || StopWords().IsMatch(text.Trim());

    public bool IsActive(Turn turn) => turn.State.Booking is not null;

    /// <summary>
    /// The person's answer; or a way out at any step (a clerk, another question, "stop"); or a
    /// question about the matter in between (answered, then this question again); or a new request
    /// ("I want to cancel my visit" while asked for a day), which ends this booking.
    /// </summary>
    public async Task<DialogueOutcome> ContinueAsync(Turn turn)
    {
        var (text, state) = (turn.Text, turn.State);
        if (Phrases.KeyOf(text, "talk_to_person") is not null)
        {
            turn.Notes.Note(TurnKinds.HandoffOffer);
            turn.Send(handoff.Offer(state, Handoff.HandoffReasons.Request));
            return DialogueOutcome.Handled;
        }

        if (Phrases.KeyOf(text, "another") is not null || AsksToStop(text))
        {
            turn.Send(Stop(state));
            return DialogueOutcome.Handled;
        }

        if (SmallTalk.Of(text) is { } talk)
        {
            // "ti bot?" is answered and the question asked again; a goodbye ends the booking.
            if (talk == TurnKinds.Goodbye)
            {
                turn.State = state with { Booking = null };
                return DialogueOutcome.Ended;
            }

            return DialogueOutcome.Interrupted;
        }

        if (state.Booking!.Step is not (BookingSteps.Name or BookingSteps.Service) && FollowUp.Aspect(text) != CardAspect.None)
        {
            return DialogueOutcome.Interrupted;
        }

        if (MayBeInterrupted(state.Booking) && text.Split(' ').Length >= 3
            && interpreter.Interpret(text).Intent is { IsConfident: true, Intent: IntentNames.BookAppointment or IntentNames.CancelAppointment })
        {
            turn.State = state with { Booking = null };
            return DialogueOutcome.Ended;
        }

        // Asked for a name, a question ("a prawo jazdy jutro?") is answered, then the name asked again.
        if (state.Booking.Step == BookingSteps.Name && !IsName(text.Trim())
            && (text.Contains('?', StringComparison.Ordinal) || interpreter.Interpret(text).CardsAnswer))
        {
            return DialogueOutcome.Interrupted;
        }

        turn.Send(await ContinueAsync(text, state, turn.Incoming, turn.CancellationToken));
        Note(turn);
        return DialogueOutcome.Handled;
    }

    private static bool IsName(string name) =>
        name.Length is >= 3 and <= AppointmentBook.MaxNameLength && name.Contains(' ', StringComparison.Ordinal)
        && name.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.');

    /// <summary>The question the booking waits on, asked again after a question in between.</summary>
    public void Resume(Turn turn)
    {
        var (dialog, language) = (turn.State.Booking!, turn.Language);
        if (dialog.Step == BookingSteps.Service)
        {
            turn.Send(AskService(dialog, turn.State).Item1);
            return;
        }

        var (question, actions) = dialog.Step switch
        {
            BookingSteps.Slot => (string.Join("\n", (dialog.Offered ?? []).Select((s, i) => $"{i + 1}. {SlotWish.Label(s, language)}")), OfferButtons(dialog.Offered ?? [], language)),
            BookingSteps.Day => (BookingPhrases.Get("ask_day", language), Buttons(language, "stop")),
            BookingSteps.Name => (string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("ask_name", language), SlotWish.Long(dialog.Start!.Value, language)), Buttons(language, "stop")),
            BookingSteps.Contact => (BookingPhrases.Get("ask_contact", language), Buttons(language, "stop")),
            BookingSteps.Confirm => (ReadBack(dialog, language), Buttons(language, "yes_book", "change_time", "stop")),
            BookingSteps.Code => (BookingPhrases.Get("ask_code", language), Buttons(language, "stop")),
            BookingSteps.Verify => (BookingPhrases.Get("ask_verify", language), Buttons(language, "stop")),
            _ => ("", null),
        };
        if (question.Length > 0)
        {
            turn.Say($"{BookingPhrases.Get("back_to_booking", language)}\n\n{question}", actions);
        }
    }

    /// <summary>Notes what a booking step answered: free times offered, or the step it waits on.</summary>
    public static void Note(Turn turn) => turn.Notes.Note(turn.State.Booking switch
    {
        { Step: BookingSteps.Slot, Offered.Count: > 0 } => "booking_slots",
        null => "booking_ended",
        { } dialog => "booking_" + dialog.Step,
    });

    public async Task<(IReadOnlyList<Activity>, DialogState)> StartAsync(string action, string text, string? serviceHint, DialogState state, Activity incoming, CancellationToken cancellationToken)
    {
        var dialog = new BookingDialog(action == BookingActions.Book ? BookingSteps.Service : BookingSteps.Code, action);
        if (action != BookingActions.Book)
        {
            return await ContinueAsync(text, state with { Booking = dialog }, incoming, cancellationToken, opening: true);
        }

        if (serviceHint is not null && search.Catalogue.BookableFor(serviceHint) is { } service)
        {
            return await OfferAsync(dialog with { Service = service.Id, Wish = Shorten(text) }, SlotWish.Read(text, Today()), state, null, cancellationToken);
        }

        return AskService(dialog, state);
    }

    public async Task<(IReadOnlyList<Activity>, DialogState)> ContinueAsync(string text, DialogState state, Activity incoming, CancellationToken cancellationToken, bool opening = false)
    {
        var dialog = state.Booking!;
        var language = state.Language;
        switch (dialog.Step)
        {
            case BookingSteps.Service:
                var chosen = search.Catalogue.Booking.Queues.FirstOrDefault(q => q.Title.Values.Any(t => string.Equals(t, text.Trim(), StringComparison.OrdinalIgnoreCase)))
                    ?? (int.TryParse(text.Trim().TrimEnd('.'), out var n) && n >= 1 && n <= search.Catalogue.Booking.Queues.Count ? search.Catalogue.Booking.Queues[n - 1] : null);
                return chosen is null ? Retry(dialog, state, AskService(dialog, state))
                    : await OfferAsync(dialog with { Service = chosen.Id, Retries = 0 }, new SlotWish(null, null, null, null), state, null, cancellationToken);

            case BookingSteps.Slot:
                if (BookingPhrases.Is(text, "another_day"))
                {
                    return Say(BookingPhrases.Get("ask_day", language), state with { Booking = dialog with { Step = BookingSteps.Day, Retries = 0 } }, Buttons(language, "stop"));
                }

                if (SlotWish.Picked(text, dialog.Offered ?? [], language) is { } picked)
                {
                    return Picked(dialog, picked, state);
                }

                // A new wish adds to the earlier ones ("po 14" … "not on Monday though").
                var said = dialog.Wish is null ? text : $"{dialog.Wish}\n{text}";
                var wish = SlotWish.ReadAll(said, Today());
                dialog = dialog with { Wish = Shorten(said) };
                return wish.IsEmpty ? Retry(dialog, state, Say(BookingPhrases.Get("unclear_slot", language), state, OfferButtons(dialog.Offered ?? [], language)))
                    : await OfferAsync(dialog, wish, state, null, cancellationToken);

            case BookingSteps.Day:
                var day = SlotWish.Read(text, Today());
                return day.Day is null ? Retry(dialog, state, Say(BookingPhrases.Get("ask_day", language), state, Buttons(language, "stop")))
                    : await OfferAsync(dialog with { Retries = 0 }, day, state, null, cancellationToken);

            case BookingSteps.Name:
                var name = Regex.Replace(text.Trim(), @"\s+", " ");
                return !IsName(name)
                    ? Retry(dialog, state, Say(BookingPhrases.Get("bad_name", language), state, Buttons(language, "stop")))
                    : Say(BookingPhrases.Get("ask_contact", language), state with { Booking = dialog with { Step = BookingSteps.Contact, Name = name, Retries = 0 } }, Buttons(language, "stop"));

            case BookingSteps.Contact:
                if (Contact(text) is not { } contact)
                {
                    return Retry(dialog, state, Say(BookingPhrases.Get("bad_contact", language), state, Buttons(language, "stop")));
                }

                dialog = dialog with { Step = BookingSteps.Confirm, Phone = contact.Phone, Email = contact.Email, Retries = 0 };
                return Say(ReadBack(dialog, language), state with { Booking = dialog }, Buttons(language, "yes_book", "change_time", "stop"));

            case BookingSteps.Confirm:
                if (BookingPhrases.Is(text, "change_time"))
                {
                    return await OfferAsync(dialog, new SlotWish(null, null, null, null), state, null, cancellationToken);
                }

                return IsYes(text) || BookingPhrases.Is(text, "yes_book") ? await BookAsync(dialog, state, incoming, cancellationToken)
                    : IsNo(text) ? Stop(state)
                    : Retry(dialog, state, Say(BookingPhrases.Get("yes_or_no", language), state, Buttons(language, "yes_book", "change_time", "stop")));

            case BookingSteps.Code:
                var code = CodeIn(text);
                if (code is null)
                {
                    return opening ? Say(BookingPhrases.Get("ask_code", language), state, Buttons(language, "stop"))
                        : Retry(dialog, state, Say(BookingPhrases.Get("bad_code", language), state, Buttons(language, "stop")));
                }

                dialog = dialog with { Step = BookingSteps.Verify, Code = code, Retries = 0 };
                return Contact(text) is not null
                    ? await VerifyAsync(dialog, text, state, Hosting.ClientAddress.Of(incoming, incoming.Conversation?.Id ?? "", http), cancellationToken)
                    : Say(BookingPhrases.Get("ask_verify", language), state with { Booking = dialog }, Buttons(language, "stop"));

            case BookingSteps.Verify:
                return await VerifyAsync(dialog, text, state, Hosting.ClientAddress.Of(incoming, incoming.Conversation?.Id ?? "", http), cancellationToken);

            case BookingSteps.ConfirmCancel:
                return IsYes(text) || BookingPhrases.Is(text, "yes_cancel") ? await CancelAsync(dialog, state, cancellationToken)
                    : IsNo(text) ? Stop(state)
                    : Retry(dialog, state, Say(BookingPhrases.Get("yes_or_no", language), state, Buttons(language, "yes_cancel", "stop")));

            case BookingSteps.ConfirmMove:
                if (BookingPhrases.Is(text, "change_time"))
                {
                    return await OfferAsync(dialog, new SlotWish(null, null, null, null), state, null, cancellationToken);
                }

                return IsYes(text) || BookingPhrases.Is(text, "yes_move") ? await MoveAsync(dialog, state, incoming, cancellationToken)
                    : IsNo(text) ? Stop(state)
                    : Retry(dialog, state, Say(BookingPhrases.Get("yes_or_no", language), state, Buttons(language, "yes_move", "change_time", "stop")));
        }

        return Stop(state);
    }

    // The words of the wishes kept between turns: enough for a day, a time and a constraint or two.
    private static string Shorten(string text) => text.Length <= 300 ? text.Trim() : text[^300..].Trim();

    public (IReadOnlyList<Activity>, DialogState) Stop(DialogState state) =>
        ([Replies.Message(BookingPhrases.Get("stopped", state.Language), state.Language, Replies.Actions(state.Language))], state with { Booking = null });

    private (IReadOnlyList<Activity>, DialogState) AskService(BookingDialog dialog, DialogState state)
    {
        var language = state.Language;
        var titles = search.Catalogue.Booking.Queues.Select(q => q.Title.Best(language)).ToList();
        var text = BookingPhrases.Get("which_service", language) + "\n\n" + string.Join("\n", titles.Select((t, i) => $"{i + 1}. {t}"));
        var actions = titles.Select(Replies.ImBack).Append(Replies.ImBack(BookingPhrases.Get("stop", language))).ToList();
        return Say(text, state with { Booking = dialog with { Step = BookingSteps.Service } }, new SuggestedActions { Actions = actions });
    }

    /// <summary>Offers free times fitting the wish (or takes the one it names exactly); falls back to the nearest when nothing fits.</summary>
    private async Task<(IReadOnlyList<Activity>, DialogState)> OfferAsync(BookingDialog dialog, SlotWish wish, DialogState state, string? lead, CancellationToken cancellationToken)
    {
        var language = state.Language;
        await using var scope = scopes.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var service = book.Service(dialog.Service!)!;
        var today = Today();
        var from = wish.Day ?? (wish.From is { } first && first > today ? first : today);
        // A day past the booking horizon ("31.12.9999") has no times to look up: straight to "too far".
        var last = book.Calendar.LastBookableDay(service, clock.GetUtcNow());
        var slots = from > last ? []
            : await book.FreeSlotsAsync(service, from, Min(last, wish.Day ?? wish.To ?? from.AddDays(Math.Min(service.HorizonDays, AppointmentBook.MaxSearchDays - 1))), cancellationToken);
        if (wish.Exact(slots) is { } exact)
        {
            return Picked(dialog, exact.Start, state);
        }

        var fitting = slots.Where(wish.Fits).Take(OfferSize).ToList();
        var intro = wish.Day is { } day ? string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("on_day", language), AppointmentNotices.LongDate(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue)), language))
            : string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("nearest", language), service.Title.Best(language));
        if (fitting.Count == 0)
        {
            // Nothing fits the wish: offer the nearest free times after the named day (or from today when
            // that day is past the booking horizon), and say why the wish could not be met.
            var next = wish.Day is { } wished && wished < last ? wished.AddDays(1) : today;
            fitting = (await book.FreeSlotsAsync(service, next, Min(last, next.AddDays(AppointmentBook.MaxSearchDays - 1)), cancellationToken)).Take(OfferSize).ToList();
            if (fitting.Count == 0)
            {
                var phone = search.Catalogue.Office.FindUnit(service.Unit)?.Phone ?? search.Catalogue.Office.Phone;
                return ([Replies.Message(string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("no_slots", language), phone), language, Replies.Actions(language))],
                    state with { Booking = null });
            }

            intro = wish.Day switch
            {
                null => BookingPhrases.Get("none_fitting", language),
                { } far when far > last => string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("too_far", language), DayText(last, language)),
                { } closed => string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("none_that_day", language), DayText(closed, language),
                    book.Calendar.ClosedBecause(service, closed, language) is { Length: > 0 } why ? $" ({why})" : ""),
            };
        }

        var offered = fitting.Select(s => s.Start).ToList();
        var text = (lead is null ? "" : lead + "\n\n") + intro + "\n\n" + string.Join("\n", offered.Select((s, i) => $"{i + 1}. {SlotWish.Label(s, language)}"));
        return Say(text, state with { Booking = dialog with { Step = BookingSteps.Slot, Offered = offered } }, OfferButtons(offered, language));
    }

    /// <summary>"24 grudnia 2026": a date that reads well inside a sentence in every language.</summary>
    private static string DayText(DateOnly day, Language language) =>
        day.ToString("d MMMM yyyy", language.Culture());

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static (IReadOnlyList<Activity>, DialogState) Picked(BookingDialog dialog, DateTimeOffset start, DialogState state)
    {
        var language = state.Language;
        if (dialog.Action == BookingActions.Move)
        {
            dialog = dialog with { Step = BookingSteps.ConfirmMove, Start = start, Retries = 0 };
            return Say(string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("confirm_move", language), dialog.Code, SlotWish.Long(start, language)),
                state with { Booking = dialog }, Buttons(language, "yes_move", "change_time", "stop"));
        }

        dialog = dialog with { Step = BookingSteps.Name, Start = start, Retries = 0 };
        return Say(string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("ask_name", language), SlotWish.Long(start, language)),
            state with { Booking = dialog }, Buttons(language, "change_time", "stop"));
    }

    private string ReadBack(BookingDialog dialog, Language language)
    {
        var service = search.Catalogue.BookableFor(dialog.Service!)!;
        var place = AppointmentNotices.Place(search.Catalogue.Office.FindUnit(service.Unit), search.Catalogue.Office, language);
        return string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("confirm", language),
            service.Title.Best(language), SlotWish.Long(dialog.Start!.Value, language), place, dialog.Name, dialog.Phone ?? dialog.Email);
    }

    private async Task<(IReadOnlyList<Activity>, DialogState)> BookAsync(BookingDialog dialog, DialogState state, Activity incoming, CancellationToken cancellationToken)
    {
        var language = state.Language;
        await using var scope = scopes.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var result = await book.BookAsync(new BookingRequest(dialog.Service, dialog.Start!.Value, dialog.Name, dialog.Phone, dialog.Email, language, "chat"), cancellationToken);
        if (!result.Succeeded)
        {
            return await OfferAsync(dialog, new SlotWish(null, null, null, null), state, BookingPhrases.Get("slot_taken", language), cancellationToken);
        }

        var visit = result.Visit!;
        var service = book.Service(visit.QueueId)!;
        var text = string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("booked", language),
            SlotWish.Long(book.InOfficeTime(visit.StartsAt), language), Place(service, language), visit.Code,
            BookingPhrases.Get(visit.Email is null ? "by_sms" : "by_email", language));
        return Done(text, visit, state, incoming);
    }

    private async Task<(IReadOnlyList<Activity>, DialogState)> VerifyAsync(BookingDialog dialog, string text, DialogState state, string address, CancellationToken cancellationToken)
    {
        var language = state.Language;
        if (Contact(text) is not { } contact)
        {
            return Retry(dialog, state, Say(BookingPhrases.Get("bad_contact", language), state, Buttons(language, "stop")));
        }

        // Wrong codes count per address (shared with the phone line and the API) and per code.
        string[] keys = [FailedAttempts.Address(address), $"visit:{dialog.Code}"];
        if (failures.RetryAfter(keys) is { } wait)
        {
            var blocked = string.Format(CultureInfo.InvariantCulture, Cases.CasePhrases.Get("blocked", language), Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)), search.Catalogue.Office.Phone);
            return ([Replies.Message(blocked, language, Replies.Actions(language))], state with { Booking = null });
        }

        await using var scope = scopes.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var visit = await book.FindAsync(dialog.Code!, contact, cancellationToken);
        if (visit is null)
        {
            failures.Fail(keys);
            var notFound = string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("not_found", language), search.Catalogue.Office.Phone);
            dialog = dialog with { Step = BookingSteps.Code, Code = null };
            return Retry(dialog, state, Say(notFound, state with { Booking = dialog }, Buttons(language, "stop")));
        }

        if (visit.Status != AppointmentStatus.Booked || visit.StartsAt <= clock.GetUtcNow().UtcDateTime)
        {
            return ([Replies.Message(BookingPhrases.Get("visit_over", language), language, Replies.Actions(language))], state with { Booking = null });
        }

        var service = book.Service(visit.QueueId);
        var title = service?.Title.Best(language) ?? visit.QueueId;
        var when = SlotWish.Long(book.InOfficeTime(visit.StartsAt), language);
        dialog = dialog with { Phone = contact.Phone, Email = contact.Email, Service = visit.QueueId, Retries = 0 };
        if (dialog.Action == BookingActions.Cancel || service is null)
        {
            return Say(string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("confirm_cancel", language), title, when),
                state with { Booking = dialog with { Step = BookingSteps.ConfirmCancel, Action = BookingActions.Cancel } }, Buttons(language, "yes_cancel", "stop"));
        }

        return await OfferAsync(dialog, new SlotWish(null, null, null, null), state,
            string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("move_from", language), title, when), cancellationToken);
    }

    private async Task<(IReadOnlyList<Activity>, DialogState)> CancelAsync(BookingDialog dialog, DialogState state, CancellationToken cancellationToken)
    {
        var language = state.Language;
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AppointmentBook>()
            .CancelAsync(dialog.Code!, new ContactDetails(dialog.Phone, dialog.Email), "chat", cancellationToken);
        var text = result.Succeeded
            ? string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("cancelled", language), dialog.Code, BookingPhrases.Get(dialog.Email is null ? "by_sms" : "by_email", language))
            : BookingPhrases.Get("visit_over", language);
        return ([Replies.Message(text, language, Replies.Actions(language))], state with { Booking = null });
    }

    private async Task<(IReadOnlyList<Activity>, DialogState)> MoveAsync(BookingDialog dialog, DialogState state, Activity incoming, CancellationToken cancellationToken)
    {
        var language = state.Language;
        await using var scope = scopes.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var result = await book.MoveAsync(dialog.Code!, new ContactDetails(dialog.Phone, dialog.Email), dialog.Start!.Value, "chat", cancellationToken);
        if (result.Error is BookingError.SlotFull or BookingError.InThePast or BookingError.NotASlotStart or BookingError.ClosedDay)
        {
            return await OfferAsync(dialog, new SlotWish(null, null, null, null), state, BookingPhrases.Get("slot_taken", language), cancellationToken);
        }

        if (!result.Succeeded)
        {
            return ([Replies.Message(BookingPhrases.Get("visit_over", language), language, Replies.Actions(language))], state with { Booking = null });
        }

        var visit = result.Visit!;
        var text = string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("moved", language),
            SlotWish.Long(book.InOfficeTime(visit.StartsAt), language), Place(book.Service(visit.QueueId)!, language), visit.Code,
            BookingPhrases.Get(visit.Email is null ? "by_sms" : "by_email", language));
        return Done(text, visit, state, incoming);
    }

    /// <summary>The final message, with the calendar file as an attachment where a link can be given.</summary>
    private (IReadOnlyList<Activity>, DialogState) Done(string text, AppointmentRecord visit, DialogState state, Activity incoming)
    {
        var message = Replies.Message(text, state.Language, Replies.Actions(state.Language));
        if (LinkBase(incoming) is { } linkBase)
        {
            message.Attachments =
            [
                new Attachment
                {
                    ContentType = AppointmentCalendarFile.ContentType,
                    ContentUrl = $"{linkBase.TrimEnd('/')}/api/appointments/{visit.Code}/calendar.ics?token={visit.CalendarToken}",
                    Name = $"{BookingPhrases.Get("calendar", state.Language)} ({visit.Code}).ics",
                },
            ];
        }

        return ([message], state with { Booking = null });
    }

    /// <summary>Where links the person can open point: the configured public address, or the Direct Line service the message came through.</summary>
    private string? LinkBase(Activity incoming) =>
        configuration["PublicBaseUrl"] is { Length: > 0 } configured ? configured
        : incoming.ChannelId is "directline" or "webchat" && Uri.TryCreate(incoming.ServiceUrl, UriKind.Absolute, out _) ? incoming.ServiceUrl
        : null;

    private string Place(BookableService service, Language language) =>
        AppointmentNotices.Place(search.Catalogue.Office.FindUnit(service.Unit), search.Catalogue.Office, language);

    private (IReadOnlyList<Activity>, DialogState) Retry(BookingDialog dialog, DialogState state, (IReadOnlyList<Activity>, DialogState) again)
    {
        if (dialog.Retries + 1 >= MaxRetries)
        {
            var service = dialog.Service is { } id ? search.Catalogue.BookableFor(id) : null;
            var phone = (service is null ? null : search.Catalogue.Office.FindUnit(service.Unit)?.Phone) ?? search.Catalogue.Office.Phone;
            return ([Replies.Message(string.Format(CultureInfo.InvariantCulture, BookingPhrases.Get("give_up", state.Language), phone), state.Language, Replies.Actions(state.Language))],
                state with { Booking = null });
        }

        var (replies, next) = again;
        return (replies, next with { Booking = (next.Booking ?? dialog) with { Retries = dialog.Retries + 1 } });
    }

    private static (IReadOnlyList<Activity>, DialogState) Say(string text, DialogState state, SuggestedActions actions) =>
        ([Replies.Message(text, state.Language, actions)], state);

    private static SuggestedActions Buttons(Language language, params string[] keys) =>
        new() { Actions = keys.Select(k => Replies.ImBack(BookingPhrases.Get(k, language))).ToList() };

    private static SuggestedActions OfferButtons(IReadOnlyList<DateTimeOffset> offered, Language language) => new()
    {
        Actions = offered.Select(s => Replies.ImBack(SlotWish.Label(s, language)))
            .Append(Replies.ImBack(BookingPhrases.Get("another_day", language)))
            .Append(Replies.ImBack(BookingPhrases.Get("stop", language)))
            .ToList(),
    };

    internal static ContactDetails? Contact(string text) =>
        ContactRecognizer.FindPhone(text) is { } phone ? new ContactDetails(phone, null)
        : ContactRecognizer.FindEmail(text) is { } email ? ContactDetails.Parse(null, email).Contact
        : null;

    private static string? CodeIn(string text) =>
        CodeCandidate().Matches(text.ToUpperInvariant()).Select(m => BookingCode.Normalize(m.Value)).FirstOrDefault(c => c is not null);

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    private static bool IsYes(string text) => ShortAnswers.IsYes(text);

    private static bool IsNo(string text) => AsksToStop(text) || ShortAnswers.IsNo(text);

    [GeneratedRegex(@"^(anuluj|stop|rezygnuj[eę]|koniec|cancel|quit|exit|скасувати|відміна|отмена|отменить|стоп)[!.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex StopWords();

    [GeneratedRegex(@"prze(?:ł|l)o(?:ż|z)|przenie(?:ś|s)|zmieni(?:ć|c) termin|inny termin|reschedul|move my|change the time|перенес|перенест|змінити час|изменить время", RegexOptions.IgnoreCase)]
    private static partial Regex MoveWords();

    [GeneratedRegex(@"(?<![A-Z0-9])[A-Z0-9]{4}[\s-]?[A-Z0-9]{4}(?![A-Z0-9])")]
    private static partial Regex CodeCandidate();
}

using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Appointments;

/// <summary>
/// Booking, finding, moving and cancelling visits, and the staff's day list. Every change is one
/// transaction with its history entry and its outbox messages, so a visit, what it went through
/// and what the person is told never disagree. Seats are taken inside an IMMEDIATE transaction
/// (SQLite lets one writer in at a time) and the unique index on (queue, start, seat) refuses a
/// double booking even if two writers ever got that far.
/// </summary>
public sealed class AppointmentBook
{
    public const int MaxNameLength = 100;

    /// <summary>The widest range of days one slot search may cover.</summary>
    public const int MaxSearchDays = 62;

    private readonly AssistantDbContext db;
    private readonly Func<CardCatalogue> catalogue;
    private readonly TimeZoneInfo zone;
    private readonly TimeProvider clock;
    private readonly OutboxSignal outbox;

    public AppointmentBook(AssistantDbContext db, CardSearchService search, KnowledgeBaseOptions options, TimeProvider clock, OutboxSignal outbox)
        : this(db, () => search.Catalogue, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone), clock, outbox)
    {
    }

    /// <summary>The book over any catalogue (the one in service comes from the search service).</summary>
    internal AppointmentBook(AssistantDbContext db, Func<CardCatalogue> catalogue, TimeZoneInfo zone, TimeProvider clock, OutboxSignal outbox)
    {
        this.db = db;
        this.catalogue = catalogue;
        this.zone = zone;
        this.clock = clock;
        this.outbox = outbox;
    }

    private CardCatalogue Catalogue => catalogue();

    public SlotCalendar Calendar => new(Catalogue.Booking, Catalogue.Office, zone);

    public IReadOnlyList<BookableService> Services => Catalogue.Booking.Queues;

    public BookableService? Service(string idOrCard) => Catalogue.BookableFor(idOrCard);

    /// <summary>Free slots of a service between two days (inclusive), with how many desks are still free in each.</summary>
    public async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(BookableService service, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var candidates = Calendar.BookableSlots(service, from, to, clock.GetUtcNow()).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var first = candidates[0].Start.UtcDateTime;
        var last = candidates[^1].Start.UtcDateTime;
        var taken = await db.Appointments.AsNoTracking()
            .Where(a => a.QueueId == service.Id && a.Seat != null && a.StartsAt >= first && a.StartsAt <= last)
            .GroupBy(a => a.StartsAt)
            .Select(g => new { Start = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Start, g => g.Count, cancellationToken);
        return candidates
            .Select(s => new FreeSlot(s.Start, s.End, service.Windows - taken.GetValueOrDefault(s.Start.UtcDateTime)))
            .Where(s => s.Free > 0)
            .ToList();
    }

    public async Task<BookingResult> BookAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || !name.Any(char.IsLetter))
        {
            return BookingResult.Fail(BookingError.Invalid, $"name: give a name of 1 to {MaxNameLength} characters");
        }

        var (contact, contactProblem) = ContactDetails.Parse(request.Phone, request.Email);
        if (contact is null)
        {
            return BookingResult.Fail(BookingError.Invalid, contactProblem!);
        }

        if (Service(request.Service ?? "") is not { } service)
        {
            return BookingResult.Fail(BookingError.UnknownService, $"service: '{request.Service}' is not a bookable service");
        }

        var now = clock.GetUtcNow();
        var (problem, slot) = Calendar.Check(service, request.Start, now);
        if (problem != SlotProblem.None)
        {
            return BookingResult.Fail(problem);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FreeSeatAsync(service, slot, cancellationToken) is not { } seat)
        {
            return BookingResult.Fail(BookingError.SlotFull);
        }

        var visit = new AppointmentRecord
        {
            Code = BookingCode.New(),
            QueueId = service.Id,
            Unit = service.Unit,
            StartsAt = slot.Start.UtcDateTime,
            EndsAt = slot.End.UtcDateTime,
            Day = DateOnly.FromDateTime(slot.Start.DateTime),
            Seat = seat,
            Name = name,
            Phone = contact.Phone,
            Email = contact.Email,
            Language = request.Language.Code(),
            Status = AppointmentStatus.Booked,
            CalendarToken = BookingCode.NewToken(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        visit.History.Add(new AppointmentEventRecord { At = now, Status = AppointmentStatus.Booked, By = request.By, Detail = Describe(slot.Start) });
        Count(Analytics.AnalyticsKinds.Booking, request.By, visit, now);
        db.Appointments.Add(visit);
        Notify(visit, service, AppointmentNotices.Booked, now);
        ScheduleReminder(visit, service, now);
        return await CommitAsync(transaction, visit, cancellationToken);
    }

    /// <summary>The visit with this code, when the phone or e-mail matches the one given at booking; otherwise null.</summary>
    public async Task<AppointmentRecord?> FindAsync(string code, ContactDetails contact, CancellationToken cancellationToken)
    {
        var visit = await LoadAsync(code, cancellationToken);
        return visit is not null && contact.Matches(visit) ? visit : null;
    }

    /// <summary>The booked visits still to come of this phone number, soonest first (for a caller, who is known by the number they call from).</summary>
    public async Task<IReadOnlyList<AppointmentRecord>> UpcomingForPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Appointments.AsNoTracking()
            .Where(a => a.Phone == phone && a.Status == AppointmentStatus.Booked && a.StartsAt > now)
            .OrderBy(a => a.StartsAt).Take(5)
            .ToListAsync(cancellationToken);
    }

    public async Task<BookingResult> CancelAsync(string code, ContactDetails contact, string by, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FindAsync(code, contact, cancellationToken) is not { } visit)
        {
            return BookingResult.Fail(BookingError.NotFound);
        }

        if (visit.Status == AppointmentStatus.Cancelled)
        {
            return BookingResult.Done(visit);
        }

        var now = clock.GetUtcNow();
        if (visit.Status != AppointmentStatus.Booked || visit.StartsAt <= now.UtcDateTime)
        {
            return BookingResult.Fail(BookingError.AlreadyTookPlace);
        }

        visit.Status = AppointmentStatus.Cancelled;
        visit.Seat = null;
        visit.UpdatedAt = now;
        visit.History.Add(new AppointmentEventRecord { At = now, Status = AppointmentStatus.Cancelled, By = by });
        Count(Analytics.AnalyticsKinds.Cancellation, by, visit, now);
        await CancelRemindersAsync(visit, cancellationToken);
        if (Service(visit.QueueId) is { } service)
        {
            Notify(visit, service, AppointmentNotices.Cancelled, now);
        }

        return await CommitAsync(transaction, visit, cancellationToken);
    }

    public async Task<BookingResult> MoveAsync(string code, ContactDetails contact, DateTimeOffset start, string by, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FindAsync(code, contact, cancellationToken) is not { } visit)
        {
            return BookingResult.Fail(BookingError.NotFound);
        }

        var now = clock.GetUtcNow();
        if (visit.Status != AppointmentStatus.Booked || visit.StartsAt <= now.UtcDateTime)
        {
            return BookingResult.Fail(visit.Status == AppointmentStatus.Cancelled ? BookingError.Cancelled : BookingError.AlreadyTookPlace);
        }

        if (Service(visit.QueueId) is not { } service)
        {
            return BookingResult.Fail(BookingError.UnknownService, "the service of this visit can no longer be booked; call the office");
        }

        var (problem, slot) = Calendar.Check(service, start, now);
        if (problem != SlotProblem.None)
        {
            return BookingResult.Fail(problem);
        }

        if (slot.Start.UtcDateTime == visit.StartsAt)
        {
            return BookingResult.Done(visit);
        }

        if (await FreeSeatAsync(service, slot, cancellationToken) is not { } seat)
        {
            return BookingResult.Fail(BookingError.SlotFull);
        }

        var from = Describe(new DateTimeOffset(DateTime.SpecifyKind(visit.StartsAt, DateTimeKind.Utc)));
        visit.StartsAt = slot.Start.UtcDateTime;
        visit.EndsAt = slot.End.UtcDateTime;
        visit.Day = DateOnly.FromDateTime(slot.Start.DateTime);
        visit.Seat = seat;
        visit.UpdatedAt = now;
        visit.History.Add(new AppointmentEventRecord { At = now, Status = AppointmentStatus.Moved, By = by, Detail = $"{from} -> {Describe(slot.Start)}" });
        await CancelRemindersAsync(visit, cancellationToken);
        Notify(visit, service, AppointmentNotices.Moved, now);
        ScheduleReminder(visit, service, now);
        return await CommitAsync(transaction, visit, cancellationToken);
    }

    /// <summary>The calendar file of a visit, for the link in its confirmation; null for a wrong code or token.</summary>
    public async Task<string?> CalendarFileAsync(string code, string token, CancellationToken cancellationToken)
    {
        var visit = await LoadAsync(code, cancellationToken);
        if (visit is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(visit.CalendarToken), System.Text.Encoding.ASCII.GetBytes(token))
            || Service(visit.QueueId) is not { } service)
        {
            return null;
        }

        return AppointmentCalendarFile.Write(visit, Catalogue, service, zone, cancelled: visit.Status == AppointmentStatus.Cancelled);
    }

    /// <summary>A unit's visits on one day, in order, for the staff's list (cancelled ones included, marked).</summary>
    public async Task<IReadOnlyList<AppointmentRecord>> DayAsync(string unit, DateOnly day, CancellationToken cancellationToken) =>
        (await db.Appointments.AsNoTracking()
            .Where(a => a.Unit == unit && a.Day == day)
            .ToListAsync(cancellationToken))
        .OrderBy(a => a.StartsAt).ThenBy(a => a.Seat ?? int.MaxValue).ToList();

    /// <summary>Staff mark a booked visit as served or as a no-show (or correct an earlier mark); with a unit, only that unit's visits.</summary>
    public async Task<BookingResult> MarkAsync(string code, string status, string by, CancellationToken cancellationToken, string? unit = null)
    {
        if (status is not (AppointmentStatus.Served or AppointmentStatus.NoShow))
        {
            return BookingResult.Fail(BookingError.Invalid, "status: served or no_show");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var visit = await LoadAsync(code, cancellationToken);
        if (visit is null || (unit is not null && !string.Equals(visit.Unit, unit, StringComparison.OrdinalIgnoreCase)))
        {
            return BookingResult.Fail(BookingError.NotFound);
        }

        if (visit.Status == AppointmentStatus.Cancelled)
        {
            return BookingResult.Fail(BookingError.Cancelled);
        }

        var now = clock.GetUtcNow();
        visit.Status = status;
        visit.UpdatedAt = now;
        visit.History.Add(new AppointmentEventRecord { At = now, Status = status, By = by });
        return await CommitAsync(transaction, visit, cancellationToken);
    }

    // Counted for the office's figures in the same transaction as the change itself.
    private void Count(string kind, string by, AppointmentRecord visit, DateTimeOffset now) =>
        db.AnalyticsEvents.Add(new Analytics.AnalyticsEventRecord
        {
            Kind = kind, At = now.UtcDateTime, Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime),
            Channel = by, Language = visit.Language, CardId = visit.QueueId,
        });

    public DateTimeOffset InOfficeTime(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);

    /// <summary>The visit with this code as typed (any case, with or without the hyphen), with its history; null when there is none.</summary>
    private async Task<AppointmentRecord?> LoadAsync(string code, CancellationToken cancellationToken) =>
        BookingCode.Normalize(code) is { } normalized
            ? await db.Appointments.Include(a => a.History).FirstOrDefaultAsync(a => a.Code == normalized, cancellationToken)
            : null;

    private async Task<int?> FreeSeatAsync(BookableService service, Slot slot, CancellationToken cancellationToken)
    {
        var start = slot.Start.UtcDateTime;
        // Bookings of one slot take turns (on PostgreSQL; SQLite has one writer anyway), so two nodes
        // never both count the same seat as free and one of them refuse a visit the slot still has room for.
        await StorageDialect.Of(db.Database).LockForTransactionAsync(db.Database, $"slot:{service.Id}:{start:O}", cancellationToken);
        var taken = await db.Appointments
            .Where(a => a.QueueId == service.Id && a.StartsAt == start && a.Seat != null)
            .Select(a => a.Seat!.Value)
            .ToListAsync(cancellationToken);
        return Enumerable.Range(1, service.Windows).Cast<int?>().FirstOrDefault(seat => !taken.Contains(seat!.Value));
    }

    private async Task<BookingResult> CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, AppointmentRecord visit, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (StorageDialect.Of(db.Database).IsUniqueViolation(e))
        {
            // The unique index caught what the transaction should have: the slot's seats are all taken.
            db.ChangeTracker.Clear();
            return BookingResult.Fail(BookingError.SlotFull);
        }

        outbox.Pulse();
        return BookingResult.Done(visit);
    }

    private void Notify(AppointmentRecord visit, BookableService service, string kind, DateTimeOffset now) =>
        db.Outbox.Add(AppointmentNotices.Create(kind, visit, Catalogue, service, zone, now.UtcDateTime, now));

    /// <summary>The reminder at the configured hour the day before; none when that time has already passed.</summary>
    private void ScheduleReminder(AppointmentRecord visit, BookableService service, DateTimeOffset now)
    {
        var dayBefore = visit.Day.AddDays(-1).ToDateTime(new TimeOnly(Catalogue.Booking.ReminderHour, 0));
        var due = new DateTimeOffset(dayBefore, zone.GetUtcOffset(dayBefore));
        if (due > now)
        {
            db.Outbox.Add(AppointmentNotices.Create(AppointmentNotices.Reminder, visit, Catalogue, service, zone, due.UtcDateTime, now));
        }
    }

    private async Task CancelRemindersAsync(AppointmentRecord visit, CancellationToken cancellationToken)
    {
        var prefix = AppointmentNotices.ReminderKeyPrefix(visit.Code);
        foreach (var reminder in await db.Outbox.Where(m => m.DedupKey.StartsWith(prefix) && m.Status == OutboxStatus.Pending).ToListAsync(cancellationToken))
        {
            reminder.Status = OutboxStatus.Cancelled;
        }
    }

    private string Describe(DateTimeOffset start) => TimeZoneInfo.ConvertTime(start, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A slot with at least one free desk.</summary>
public readonly record struct FreeSlot(DateTimeOffset Start, DateTimeOffset End, int Free);

/// <summary>What a person asks to book; <see cref="By"/> says through what ("chat", "api").</summary>
public sealed record BookingRequest(string? Service, DateTimeOffset Start, string? Name, string? Phone, string? Email, Language Language, string By);

public enum BookingError
{
    None,
    Invalid,
    UnknownService,
    NotASlotStart,
    ClosedDay,
    InThePast,
    BeyondHorizon,
    SlotFull,
    NotFound,
    Cancelled,
    AlreadyTookPlace,
}

/// <summary>The outcome of a change: the visit as it now stands, or why nothing changed.</summary>
public sealed record BookingResult(AppointmentRecord? Visit, BookingError Error, string? Detail)
{
    public bool Succeeded => Error == BookingError.None;

    public static BookingResult Done(AppointmentRecord visit) => new(visit, BookingError.None, null);

    public static BookingResult Fail(BookingError error, string? detail = null) => new(null, error, detail);

    public static BookingResult Fail(SlotProblem problem) => Fail(problem switch
    {
        SlotProblem.ClosedDay => BookingError.ClosedDay,
        SlotProblem.InThePast => BookingError.InThePast,
        SlotProblem.BeyondHorizon => BookingError.BeyondHorizon,
        _ => BookingError.NotASlotStart,
    });
}

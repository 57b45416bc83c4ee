using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Asystent.KnowledgeBase.Tests.Appointments;

/// <summary>The appointment book against a real SQLite file with the real migrations and the real _booking.yaml.</summary>
public class AppointmentBookTests(KnowledgeBaseFixture fixture) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TemporaryFolder folder = new();

    // Monday 23 November 2026, 08:00 in Warsaw.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));


    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Provider, folder.Path, Ct);
        await using var db = NewContext();
        await AssistantDatabase.MigrateAsync(db, Ct);
    }

    public ValueTask DisposeAsync()
    {
        TestDatabase.ReleaseConnections();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private TestDatabase database = null!;

    /// <summary>The engine these tests run on; <see cref="AppointmentBookTestsOnPostgreSql"/> runs them again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private AssistantDbContext NewContext() => database.NewContext();

    private AppointmentBook Book(AssistantDbContext db) => new(db, () => fixture.Catalogue, Warsaw, clock, new OutboxSignal());

    private static BookingRequest Request(string service, DateTimeOffset start, string phone = "600 123 456", Language language = Language.Pl) =>
        new(service, start, "Jan Kowalski", phone, null, language, "test");

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Winter);

    [Fact]
    public async Task A_booking_gets_a_code_a_seat_a_history_a_confirmation_and_a_reminder()
    {
        await using var db = NewContext();
        var result = await Book(db).BookAsync(Request("kt-rejestracja", At(11, 30, 9, 15)), Ct);

        Assert.True(result.Succeeded);
        var visit = result.Visit!;
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", visit.Code);
        Assert.Equal(1, visit.Seat);
        Assert.Equal("+48600123456", visit.Phone);
        Assert.Equal(new DateOnly(2026, 11, 30), visit.Day);

        await using var check = NewContext();
        var stored = await check.Appointments.Include(a => a.History).SingleAsync(Ct);
        Assert.Equal(AppointmentStatus.Booked, Assert.Single(stored.History).Status);
        var outbox = await check.Outbox.OrderBy(m => m.NotBefore).ToListAsync(Ct);
        Assert.Equal(2, outbox.Count);
        Assert.All(outbox, m => Assert.Equal(OutboxChannels.Sms, m.Channel));
        Assert.Contains("poniedziałek, 30 listopada 2026 o 09:15", outbox[0].Body);
        Assert.Contains(visit.Code, outbox[0].Body);
        Assert.Contains("Wydział Komunikacji", outbox[0].Body);
        // The reminder waits until 10:00 the day before, and is of no use after the visit.
        Assert.Equal(new DateTime(2026, 11, 29, 9, 0, 0), outbox[1].NotBefore);
        Assert.Equal(new DateTime(2026, 11, 30, 8, 15, 0), outbox[1].ExpiresAt);
    }

    [Fact]
    public async Task A_booking_by_card_id_uses_the_cards_queue_and_speaks_the_persons_language()
    {
        await using var db = NewContext();
        var result = await Book(db).BookAsync(Request("paszport-dla-dziecka", At(12, 1, 10), language: Language.Uk), Ct);
        Assert.Equal("bp-paszporty", result.Visit!.QueueId);
        var confirmation = await db.Outbox.FirstAsync(Ct);
        Assert.Contains("вівторок, 1 грудня 2026 о 10:00", confirmation.Body);
    }

    [Fact]
    public async Task A_full_slot_is_refused_and_a_cancelled_seat_can_be_booked_again()
    {
        await using var db = NewContext();
        var book = Book(db);
        var slot = At(12, 2, 9); // building consultations: one desk
        var first = await book.BookAsync(Request("ab-budownictwo", slot), Ct);
        Assert.Equal(BookingError.SlotFull, (await book.BookAsync(Request("ab-budownictwo", slot, "601 222 333"), Ct)).Error);

        var cancelled = await book.CancelAsync(first.Visit!.Code, new ContactDetails("+48600123456", null), "test", Ct);
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Visit!.Status);
        Assert.Null(cancelled.Visit.Seat);
        Assert.True((await book.BookAsync(Request("ab-budownictwo", slot, "601 222 333"), Ct)).Succeeded);

        var reminder = await db.Outbox.SingleAsync(m => m.DedupKey.StartsWith(AppointmentNotices.ReminderKeyPrefix(first.Visit.Code)), Ct);
        Assert.Equal(OutboxStatus.Cancelled, reminder.Status);
        Assert.Contains(await db.Outbox.ToListAsync(Ct), m => m.DedupKey.Contains(":cancelled:", StringComparison.Ordinal) && m.Body.Contains("odwołana", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_desks_take_several_people_in_one_slot()
    {
        await using var db = NewContext();
        var book = Book(db);
        var slot = At(12, 3, 8);
        var seats = new List<int?>();
        for (var i = 0; i < 4; i++)
        {
            seats.Add((await book.BookAsync(Request("kt-rejestracja", slot, $"60012345{i}"), Ct)).Visit!.Seat);
        }

        Assert.Equal([1, 2, 3, 4], seats);
        Assert.Equal(BookingError.SlotFull, (await book.BookAsync(Request("kt-rejestracja", slot, "600123459"), Ct)).Error);
        var free = await book.FreeSlotsAsync(fixture.Catalogue.Booking.FindQueue("kt-rejestracja")!, new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3), Ct);
        Assert.DoesNotContain(free, s => s.Start == slot);
        Assert.Equal(4, free[0].Free);
    }

    [Fact]
    public async Task Moving_keeps_the_code_frees_the_old_slot_and_replaces_the_reminder()
    {
        await using var db = NewContext();
        var book = Book(db);
        var booked = (await book.BookAsync(Request("ab-budownictwo", At(12, 2, 9)), Ct)).Visit!;
        var contact = new ContactDetails("+48600123456", null);

        var moved = await book.MoveAsync(booked.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), contact, At(12, 4, 10), "test", Ct);

        Assert.True(moved.Succeeded);
        Assert.Equal(booked.Code, moved.Visit!.Code);
        Assert.Equal(new DateOnly(2026, 12, 4), moved.Visit.Day);
        Assert.Equal([AppointmentStatus.Booked, AppointmentStatus.Moved], moved.Visit.History.Select(h => h.Status));
        Assert.Equal("2026-12-02 09:00 -> 2026-12-04 10:00", moved.Visit.History[1].Detail);
        Assert.True((await book.BookAsync(Request("ab-budownictwo", At(12, 2, 9), "601 222 333"), Ct)).Succeeded);
        var reminders = await db.Outbox.Where(m => m.DedupKey.StartsWith(AppointmentNotices.ReminderKeyPrefix(booked.Code))).ToListAsync(Ct);
        Assert.Equal([OutboxStatus.Cancelled, OutboxStatus.Pending], reminders.OrderBy(r => r.Id).Select(r => r.Status));
    }

    [Fact]
    public async Task Code_and_contact_must_both_match_and_a_wrong_one_looks_like_no_visit()
    {
        await using var db = NewContext();
        var book = Book(db);
        var code = (await book.BookAsync(Request("kt-rejestracja", At(11, 30, 9)), Ct)).Visit!.Code;

        Assert.NotNull(await book.FindAsync(code, new ContactDetails("+48600123456", null), Ct));
        Assert.Null(await book.FindAsync(code, new ContactDetails("+48600123457", null), Ct));
        Assert.Null(await book.FindAsync(code, new ContactDetails(null, "jan@example.com"), Ct));
        Assert.Equal(BookingError.NotFound, (await book.CancelAsync("AAAA-AAAA", new ContactDetails("+48600123456", null), "test", Ct)).Error);
        Assert.Equal(AppointmentStatus.Booked, (await db.Appointments.SingleAsync(Ct)).Status);
    }

    [Theory]
    [InlineData(12, 24, 9, 0, BookingError.ClosedDay)]
    [InlineData(11, 28, 9, 0, BookingError.ClosedDay)]
    [InlineData(11, 23, 8, 30, BookingError.InThePast)]
    [InlineData(11, 30, 9, 7, BookingError.NotASlotStart)]
    public async Task Times_that_cannot_be_booked_are_refused_and_nothing_is_stored(int month, int day, int hour, int minute, BookingError expected)
    {
        await using var db = NewContext();
        var result = await Book(db).BookAsync(Request("kt-rejestracja", At(month, day, hour, minute)), Ct);
        Assert.Equal(expected, result.Error);
        Assert.Equal(0, await db.Appointments.CountAsync(Ct));
        Assert.Equal(0, await db.Outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Invalid_particulars_are_refused_field_by_field()
    {
        await using var db = NewContext();
        var book = Book(db);
        Assert.StartsWith("name:", (await book.BookAsync(Request("kt-rejestracja", At(11, 30, 9)) with { Name = " " }, Ct)).Detail);
        Assert.StartsWith("phone:", (await book.BookAsync(Request("kt-rejestracja", At(11, 30, 9), "12"), Ct)).Detail);
        Assert.Equal(BookingError.UnknownService, (await book.BookAsync(Request("no-such-queue", At(11, 30, 9)), Ct)).Error);
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_visit_on_a_taken_seat()
    {
        await using var db = NewContext();
        var visit = (await Book(db).BookAsync(Request("ab-budownictwo", At(12, 2, 9)), Ct)).Visit!;

        await using var other = NewContext();
        other.Appointments.Add(new AppointmentRecord
        {
            Code = "AAAA-AAAA", QueueId = visit.QueueId, Unit = visit.Unit, StartsAt = visit.StartsAt, EndsAt = visit.EndsAt,
            Day = visit.Day, Seat = visit.Seat, Name = "Intruder", Phone = "+48601222333", Language = "pl",
            Status = AppointmentStatus.Booked, CalendarToken = "x", CreatedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow(),
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Parallel_bookings_of_a_single_desk_slot_give_exactly_one_visit()
    {
        var slot = At(12, 2, 11);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var db = NewContext();
            return await Book(db).BookAsync(Request("ab-budownictwo", slot, $"6001234{i:D2}"), Ct);
        }));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(BookingError.SlotFull, r.Error));
        await using var check = NewContext();
        Assert.Equal(1, await check.Appointments.CountAsync(Ct));
    }

    [Fact]
    public async Task Fifty_parallel_bookings_of_a_four_desk_slot_give_exactly_four_visits()
    {
        var slot = At(12, 3, 9);
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            await using var db = NewContext();
            return await Book(db).BookAsync(Request("kt-rejestracja", slot, $"6005000{i:D2}"), Ct);
        }));

        Assert.Equal(4, results.Count(r => r.Succeeded));
        Assert.Equal([1, 2, 3, 4], results.Where(r => r.Succeeded).Select(r => r.Visit!.Seat!.Value).Order());
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(BookingError.SlotFull, r.Error));
        await using var check = NewContext();
        Assert.Equal(4, await check.Appointments.CountAsync(Ct));
    }

    [Fact]
    public async Task Staff_see_the_days_visits_in_order_and_mark_them()
    {
        await using var db = NewContext();
        var book = Book(db);
        var later = (await book.BookAsync(Request("kt-rejestracja", At(11, 30, 10)), Ct)).Visit!;
        var earlier = (await book.BookAsync(Request("kt-prawo-jazdy", At(11, 30, 9), "601 222 333"), Ct)).Visit!;

        var day = await book.DayAsync("KT", new DateOnly(2026, 11, 30), Ct);
        Assert.Equal([earlier.Code, later.Code], day.Select(v => v.Code));

        Assert.True((await book.MarkAsync(earlier.Code, AppointmentStatus.Served, "staff:anna", Ct)).Succeeded);
        Assert.Equal(BookingError.Invalid, (await book.MarkAsync(earlier.Code, "deleted", "staff:anna", Ct)).Error);
        var stored = await NewContext().Appointments.Include(a => a.History).SingleAsync(a => a.Code == earlier.Code, Ct);
        Assert.Equal(AppointmentStatus.Served, stored.Status);
        Assert.Equal("staff:anna", stored.History[^1].By);
    }
}

/// <summary>The same tests against PostgreSQL (a throwaway cluster, see tests/PostgreSql).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class AppointmentBookTestsOnPostgreSql(KnowledgeBaseFixture fixture) : AppointmentBookTests(fixture)
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}

using Asystent.KnowledgeBase.Appointments;

namespace Asystent.KnowledgeBase.Tests.Appointments;

public sealed class SlotCalendarTests(KnowledgeBaseFixture fixture)
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private SlotCalendar Calendar => new(fixture.Catalogue.Booking, fixture.Catalogue.Office, Warsaw);

    private BookableService Queue(string id) => fixture.Catalogue.Booking.FindQueue(id)!;

    // Monday 23 November 2026, 08:00 in Warsaw (UTC+1).
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_day_is_cut_into_slots_from_opening_until_the_last_visit_that_ends_by_closing()
    {
        // The vehicle unit works 08:00–17:00 on Mondays; visits take 15 minutes.
        var slots = Calendar.SlotsOn(Queue("kt-rejestracja"), new DateOnly(2026, 11, 30)).ToList();
        Assert.Equal(36, slots.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(1)), slots[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 45, 0, TimeSpan.FromHours(1)), slots[^1].Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.FromHours(1)), slots[^1].End);
    }

    [Fact]
    public void A_queue_with_its_own_hours_books_only_on_its_days()
    {
        // Building consultations: Monday, Wednesday and Friday only (_booking.yaml).
        Assert.Empty(Calendar.SlotsOn(Queue("ab-budownictwo"), new DateOnly(2026, 12, 1)));
        Assert.Equal(16, Calendar.SlotsOn(Queue("ab-budownictwo"), new DateOnly(2026, 12, 2)).Count());
    }

    [Theory]
    [InlineData("2026-12-24", "Wigilia Bożego Narodzenia")]
    [InlineData("2026-12-25", "Boże Narodzenie (pierwszy dzień)")]
    [InlineData("2027-01-06", "Święto Trzech Króli")]
    [InlineData("2027-05-27", "Boże Ciało")]
    public void Public_holidays_have_no_slots(string date, string holiday)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(holiday, Calendar.ClosedBecause(Queue("bp-paszporty"), day, Asystent.KnowledgeBase.Languages.Language.Pl));
        Assert.Empty(Calendar.SlotsOn(Queue("bp-paszporty"), day));
    }

    [Fact]
    public void A_closure_of_one_unit_leaves_the_others_open()
    {
        var day = new DateOnly(2026, 12, 31);
        Assert.Equal("stock-taking of number plates", Calendar.ClosedBecause(Queue("kt-rejestracja"), day, Asystent.KnowledgeBase.Languages.Language.En));
        Assert.Empty(Calendar.SlotsOn(Queue("kt-rejestracja"), day));
        Assert.NotEmpty(Calendar.SlotsOn(Queue("bp-paszporty"), day));
    }

    [Fact]
    public void Weekends_are_closed_with_no_reason_to_give()
    {
        Assert.Equal("", Calendar.ClosedBecause(Queue("kt-rejestracja"), new DateOnly(2026, 11, 28), Asystent.KnowledgeBase.Languages.Language.Pl));
    }

    [Fact]
    public void Nothing_sooner_than_the_lead_time_can_be_booked()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 20, 0, TimeSpan.FromHours(1));
        var first = Calendar.BookableSlots(Queue("kt-rejestracja"), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23), now).First();
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 30, 0, TimeSpan.FromHours(1)), first.Start);
        Assert.Equal(SlotProblem.InThePast, Calendar.Check(Queue("kt-rejestracja"), now.AddMinutes(25), now).Problem);
    }

    [Fact]
    public void Checks_say_why_a_time_cannot_be_booked()
    {
        var queue = Queue("kt-rejestracja");
        Assert.Equal(SlotProblem.None, Calendar.Check(queue, new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.FromHours(1)), MondayMorning).Problem);
        Assert.Equal(SlotProblem.NotASlotStart, Calendar.Check(queue, new DateTimeOffset(2026, 11, 30, 9, 7, 0, TimeSpan.FromHours(1)), MondayMorning).Problem);
        Assert.Equal(SlotProblem.NotASlotStart, Calendar.Check(queue, new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.FromHours(1)), MondayMorning).Problem);
        Assert.Equal(SlotProblem.ClosedDay, Calendar.Check(queue, new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(1)), MondayMorning).Problem);
        Assert.Equal(SlotProblem.InThePast, Calendar.Check(queue, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(1)), MondayMorning).Problem);
        Assert.Equal(SlotProblem.BeyondHorizon, Calendar.Check(queue, new DateTimeOffset(2027, 1, 25, 9, 0, 0, TimeSpan.FromHours(1)), MondayMorning).Problem);
    }

    [Fact]
    public void The_same_instant_written_with_another_offset_is_the_same_slot()
    {
        var utc = new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero);
        var (problem, slot) = Calendar.Check(Queue("kt-rejestracja"), utc, MondayMorning);
        Assert.Equal(SlotProblem.None, problem);
        Assert.Equal(TimeSpan.FromHours(1), slot.Start.Offset);
    }

    [Fact]
    public void Summer_time_slots_carry_the_summer_offset()
    {
        // Tuesday after Easter 2027, two days after the clocks went forward: the unit opens at 07:30.
        var slot = Calendar.SlotsOn(Queue("kt-rejestracja"), new DateOnly(2027, 3, 30)).First();
        Assert.Equal(TimeSpan.FromHours(2), slot.Start.Offset);
        Assert.Equal(new DateTime(2027, 3, 30, 5, 30, 0), slot.Start.UtcDateTime);
    }
}

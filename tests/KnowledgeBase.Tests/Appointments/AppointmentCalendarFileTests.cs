using Asystent.KnowledgeBase.Appointments;
using Ical.Net;

namespace Asystent.KnowledgeBase.Tests.Appointments;

public sealed class AppointmentCalendarFileTests(KnowledgeBaseFixture fixture)
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private static AppointmentRecord Visit() => new()
    {
        Code = "K7M4-XQ3H", QueueId = "bp-paszporty", Unit = "BP",
        StartsAt = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 12, 1, 9, 15, 0, DateTimeKind.Utc),
        Day = new DateOnly(2026, 12, 1), Seat = 1, Name = "Jan Kowalski", Phone = "+48600123456", Language = "en",
        Status = AppointmentStatus.Booked, CalendarToken = "t", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void The_file_reads_back_as_the_visit_in_office_time_with_place_and_reminder()
    {
        var ics = AppointmentCalendarFile.Write(Visit(), fixture.Catalogue, fixture.Catalogue.Booking.FindQueue("bp-paszporty")!, Warsaw);

        var calendar = Calendar.Load(ics)!;
        var visit = Assert.Single(calendar.Events);
        Assert.Equal("K7M4-XQ3H@powiat.example", visit.Uid);
        Assert.Equal("Europe/Warsaw", visit.Start!.TzId);
        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 0), visit.Start.Value);
        Assert.StartsWith("Passport application", visit.Summary);
        Assert.Contains("room 112", visit.Location);
        Assert.Single(visit.Alarms);
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        // Names are personal data; a calendar file may be forwarded.
        Assert.DoesNotContain("Kowalski", ics);
    }

    [Fact]
    public void A_cancelled_visit_cancels_the_same_event_in_the_persons_calendar()
    {
        var visit = Visit();
        visit.History.Add(new AppointmentEventRecord { At = DateTimeOffset.UnixEpoch, Status = AppointmentStatus.Cancelled, By = "test" });
        var calendar = Calendar.Load(AppointmentCalendarFile.Write(visit, fixture.Catalogue, fixture.Catalogue.Booking.FindQueue("bp-paszporty")!, Warsaw, cancelled: true))!;
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", Assert.Single(calendar.Events).Status);
        Assert.Equal(1, calendar.Events[0]!.Sequence);
    }
}

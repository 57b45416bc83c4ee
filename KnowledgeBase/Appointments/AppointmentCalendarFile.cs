using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Asystent.KnowledgeBase.Appointments;

/// <summary>
/// The visit as an iCalendar file (RFC 5545) for the person's own calendar: office time with its
/// time zone, the place, the code, and a reminder two hours before. The UID stays the same for the
/// life of the visit and the sequence counts its changes, so a calendar updates a moved visit and
/// removes a cancelled one instead of keeping a stale copy.
/// </summary>
public static class AppointmentCalendarFile
{
    public const string ContentType = "text/calendar";

    public static string Write(AppointmentRecord visit, CardCatalogue catalogue, BookableService queue, TimeZoneInfo zone, bool cancelled = false)
    {
        var language = Languages.Languages.TryParse(visit.Language, out var l) ? l : Language.Pl;
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(visit.StartsAt, DateTimeKind.Utc), zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(visit.EndsAt, DateTimeKind.Utc), zone);
        var unit = catalogue.Office.FindUnit(queue.Unit);
        var host = Uri.TryCreate(catalogue.Office.Website, UriKind.Absolute, out var website) ? website.Host : "asystent.local";
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{visit.Code}@{host}",
            Summary = $"{queue.Title.Best(language)} – {catalogue.Office.Name.Best(language)}",
            Location = AppointmentNotices.Place(unit, catalogue.Office, language),
            Description = $"{visit.Code}\n{unit?.Phone ?? catalogue.Office.Phone}",
            Start = new CalDateTime(start, zone.Id),
            End = new CalDateTime(end, zone.Id),
            Sequence = visit.History.Count(e => e.Status is AppointmentStatus.Moved or AppointmentStatus.Cancelled),
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        if (!cancelled)
        {
            calendarEvent.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = calendarEvent.Summary,
                Trigger = new Trigger(Duration.FromHours(-2)),
            });
        }

        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "PUBLISH" };
        calendar.AddTimeZone(new VTimeZone(zone.Id));
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}

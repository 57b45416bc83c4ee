using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Appointments;

/// <summary>A visit's time in office time (with its UTC offset, so it means the same everywhere).</summary>
public readonly record struct Slot(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Why a time cannot be booked, before anyone's bookings are even looked at.</summary>
public enum SlotProblem
{
    None,
    NotASlotStart,
    ClosedDay,
    InThePast,
    BeyondHorizon,
}

/// <summary>
/// The slots of a queue: every <c>slot_minutes</c> from opening until the last visit that ends by
/// closing time, on days the unit is open, never on a public holiday or a closure, never sooner than
/// the lead time and never beyond the queue's horizon. Pure arithmetic over the schedule; who has
/// booked what is the appointment book's business.
/// </summary>
public sealed class SlotCalendar(BookingSchedule schedule, OfficeDirectory office, TimeZoneInfo zone)
{
    public BookingSchedule Schedule => schedule;

    public TimeZoneInfo Zone => zone;

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>
    /// What closes the queue on <paramref name="day"/>: a holiday's name, a closure's reason, or "" when the
    /// queue has no hours that weekday; null when it is open.
    /// </summary>
    public string? ClosedBecause(BookableService queue, DateOnly day, Languages.Language language)
    {
        if (PolishHolidays.In(day.Year).FirstOrDefault(h => h.Date == day) is { Name: { } holiday })
        {
            return holiday;
        }

        if (schedule.Closures.FirstOrDefault(c => c.Date == day && (c.Unit is null || string.Equals(c.Unit, queue.Unit, StringComparison.OrdinalIgnoreCase))) is { } closure)
        {
            return closure.Reason.Best(language);
        }

        return HoursOn(queue, day) is null ? "" : null;
    }

    /// <summary>All slots of the queue on <paramref name="day"/>, whether or not they can still be booked.</summary>
    public IEnumerable<Slot> SlotsOn(BookableService queue, DateOnly day)
    {
        if (ClosedBecause(queue, day, Languages.Language.Pl) is not null || HoursOn(queue, day) is not { } hours)
        {
            yield break;
        }

        var length = TimeSpan.FromMinutes(queue.SlotMinutes);
        for (var start = day.ToDateTime(hours.Opens); start + length <= day.ToDateTime(hours.Closes); start += length)
        {
            yield return new Slot(Local(start), Local(start + length));
        }
    }

    /// <summary>The slots that can be booked now between two days (inclusive), ignoring who has booked them.</summary>
    public IEnumerable<Slot> BookableSlots(BookableService queue, DateOnly from, DateOnly to, DateTimeOffset now)
    {
        var earliest = now.AddMinutes(schedule.LeadMinutes);
        var last = LastBookableDay(queue, now);
        for (var day = Max(from, Today(now)); day <= to && day <= last; day = day.AddDays(1))
        {
            foreach (var slot in SlotsOn(queue, day).Where(s => s.Start >= earliest))
            {
                yield return slot;
            }
        }
    }

    public DateOnly LastBookableDay(BookableService queue, DateTimeOffset now) => Today(now).AddDays(queue.HorizonDays);

    /// <summary>Whether <paramref name="start"/> is a slot of the queue that may be booked now, and if not, why.</summary>
    public (SlotProblem Problem, Slot Slot) Check(BookableService queue, DateTimeOffset start, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (start < now.AddMinutes(schedule.LeadMinutes))
        {
            return (SlotProblem.InThePast, default);
        }

        // A closed day is the more useful answer: "the office is closed on Christmas Eve" beats "too far ahead".
        if (ClosedBecause(queue, day, Languages.Language.Pl) is not null)
        {
            return (SlotProblem.ClosedDay, default);
        }

        if (day > LastBookableDay(queue, now))
        {
            return (SlotProblem.BeyondHorizon, default);
        }

        var slot = SlotsOn(queue, day).FirstOrDefault(s => s.Start == start);
        return slot == default ? (SlotProblem.NotASlotStart, default) : (SlotProblem.None, slot);
    }

    private (TimeOnly Opens, TimeOnly Closes)? HoursOn(BookableService queue, DateOnly day) =>
        queue.Hours.Count > 0 ? OpeningHours.On(queue.Hours, day)
        : office.FindUnit(queue.Unit) is { } unit ? OpeningHours.On(unit.Hours, day)
        : null;

    private DateTimeOffset Local(DateTime local) => new(local, zone.GetUtcOffset(local));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

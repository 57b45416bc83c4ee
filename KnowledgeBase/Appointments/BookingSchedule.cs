using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Appointments;

/// <summary>
/// The visits residents can book, read from cards/_booking.yaml: the queues, how long a visit takes,
/// how many desks serve each queue, how far ahead it books, and the days the office is closed beyond
/// the public holidays. Data, not code, so the office changes it without a release.
/// </summary>
public sealed class BookingSchedule
{
    public const string FileName = "_booking.yaml";

    /// <summary>The earliest bookable slot starts this many minutes from now.</summary>
    public int LeadMinutes { get; set; } = 60;

    /// <summary>The hour (office time) of the day before a visit when its reminder goes out.</summary>
    public int ReminderHour { get; set; } = 10;

    public List<BookableService> Queues { get; set; } = [];
    public List<OfficeClosure> Closures { get; set; } = [];

    public BookableService? FindQueue(string id) =>
        Queues.FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One bookable queue: a service of a unit with its visit length, desks and horizon.</summary>
public sealed class BookableService
{
    public string Id { get; set; } = "";
    public string Unit { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public int SlotMinutes { get; set; } = 15;
    public int Windows { get; set; } = 1;
    public int HorizonDays { get; set; } = 30;

    /// <summary>Own hours per weekday ("mon".."sun": "HH:mm-HH:mm"); empty means the unit's hours.</summary>
    public Dictionary<string, string> Hours { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A day the whole office (no unit) or one unit is closed, with the reason residents are told.</summary>
public sealed class OfficeClosure
{
    public DateOnly Date { get; set; }
    public string? Unit { get; set; }
    public LocalizedText Reason { get; set; } = new();
}

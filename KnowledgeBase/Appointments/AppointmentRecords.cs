namespace Asystent.KnowledgeBase.Appointments;

/// <summary>
/// A booked visit. <see cref="Seat"/> is which of the queue's desks the visit holds in its slot; the
/// database's unique index on (queue, start, seat) is what makes a double booking impossible, and a
/// cancelled visit gives its seat back (null) so the slot can be booked again.
/// </summary>
public sealed class AppointmentRecord
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string QueueId { get; set; }
    public required string Unit { get; set; }

    /// <summary>Start and end in UTC; the office-time day is kept too, for the staff's day list.</summary>
    public required DateTime StartsAt { get; set; }
    public required DateTime EndsAt { get; set; }
    public required DateOnly Day { get; set; }
    public int? Seat { get; set; }

    public required string Name { get; set; }

    /// <summary>E.164 ("+48601234567"), as libphonenumber formats it; or null when an e-mail was given.</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public required string Language { get; set; }
    public required string Status { get; set; }

    /// <summary>An unguessable token in the calendar file's link, so the link needs no phone number in it.</summary>
    public required string CalendarToken { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public List<AppointmentEventRecord> History { get; set; } = [];
}

/// <summary>One step in a visit's life (booked, moved, cancelled, served, no-show): when, by whom, and what changed.</summary>
public sealed class AppointmentEventRecord
{
    public long Id { get; set; }
    public long AppointmentId { get; set; }
    public required DateTimeOffset At { get; set; }
    public required string Status { get; set; }

    /// <summary>Who did it: "chat", "api", "staff:jkowalska".</summary>
    public required string By { get; set; }
    public string? Detail { get; set; }
}

/// <summary>The states of a visit, as stored.</summary>
public static class AppointmentStatus
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
    public const string Served = "served";
    public const string NoShow = "no_show";

    // Moving is an event in the history; the visit itself stays booked.
    public const string Moved = "moved";
}

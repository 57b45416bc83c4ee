namespace Asystent.KnowledgeBase;

/// <summary>
/// The dates the office's records can hold: from 2000 to 2199. Any date a request names (a slot
/// range, a booking, a case's dates, a report's period) is checked against these first: a year 1 or
/// 9999 is a mistake or a probe, and the arithmetic around it (a week later, a time zone's offset)
/// would fall off the calendar's ends.
/// </summary>
public static class OfficeDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>How a refusal says it.</summary>
    public const string Range = "between 2000-01-01 and 2199-12-31";

    public static bool Contains(DateOnly day) => day >= Earliest && day <= Latest;

    public static bool Contains(DateTime moment) => Contains(DateOnly.FromDateTime(moment));
}

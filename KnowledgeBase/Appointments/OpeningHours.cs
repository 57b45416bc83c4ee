using System.Globalization;

namespace Asystent.KnowledgeBase.Appointments;

/// <summary>Reads the "HH:mm-HH:mm" hours of _office.yaml and _booking.yaml, keyed by "mon".."sun".</summary>
public static class OpeningHours
{
    private static readonly string[] DayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static string KeyOf(DayOfWeek day) => DayKeys[(int)day];

    public static bool TryParse(string? text, out TimeOnly opens, out TimeOnly closes)
    {
        opens = closes = default;
        var parts = text?.Split('-', 2, StringSplitOptions.TrimEntries);
        return parts is { Length: 2 }
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out opens)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out closes)
            && opens < closes;
    }

    /// <summary>The hours on <paramref name="day"/>'s weekday, or null when the week has none that day.</summary>
    public static (TimeOnly Opens, TimeOnly Closes)? On(IReadOnlyDictionary<string, string> week, DateOnly day) =>
        week.TryGetValue(KeyOf(day.DayOfWeek), out var text) && TryParse(text, out var opens, out var closes) ? (opens, closes) : null;

    /// <summary>Whether a unit with these hours is open at <paramref name="officeNow"/> (office-local time): its hours that weekday, and not a public holiday.</summary>
    public static bool IsOpenAt(IReadOnlyDictionary<string, string> week, DateTimeOffset officeNow)
    {
        var day = DateOnly.FromDateTime(officeNow.DateTime);
        var time = TimeOnly.FromDateTime(officeNow.DateTime);
        return !PolishHolidays.IsHoliday(day) && On(week, day) is { } hours && time >= hours.Opens && time < hours.Closes;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Conversation.Booking;

/// <summary>
/// When a person would like to come, as they said it ("we wtorek po 14", "jutro o 10", "15 grudnia
/// rano"), and which free slots fit it: an exact time on a named day is taken at once, anything vaguer
/// gets the nearest three to choose from.
/// </summary>
internal sealed partial record SlotWish(DateOnly? Day, TimeOnly? At, TimeOnly? After, TimeOnly? Before)
{
    public static SlotWish Read(string text, DateOnly today)
    {
        var found = DateTimeRecognizer.Find(text, today);
        return new SlotWish(
            found.TryGetValue(RecognizedEntities.Date, out var date) ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Time(found, RecognizedEntities.Time), Time(found, RecognizedEntities.TimeAfter), Time(found, RecognizedEntities.TimeBefore));
    }

    public bool IsEmpty => Day is null && At is null && After is null && Before is null;

    public bool Fits(FreeSlot slot)
    {
        var time = TimeOnly.FromDateTime(slot.Start.DateTime);
        return (Day is null || DateOnly.FromDateTime(slot.Start.DateTime) == Day)
            && (At is null || time >= At)
            && (After is null || time >= After)
            && (Before is null || time < Before);
    }

    /// <summary>The slot the person named exactly (a day and a time that is free), if they did.</summary>
    public FreeSlot? Exact(IEnumerable<FreeSlot> slots) =>
        Day is { } day && At is { } at ? slots.Cast<FreeSlot?>().FirstOrDefault(s => DateOnly.FromDateTime(s!.Value.Start.DateTime) == day && TimeOnly.FromDateTime(s.Value.Start.DateTime) == at) : null;

    /// <summary>"wt. 1 gru, 09:15": short enough for a button, unambiguous within an offer.</summary>
    public static string Label(DateTimeOffset start, Language language) =>
        start.ToString("ddd d MMM, HH:mm", language.Culture());

    /// <summary>"wtorek, 1 grudnia 2026, 09:15" for read-backs.</summary>
    public static string Long(DateTimeOffset start, Language language) =>
        $"{AppointmentNotices.LongDate(start, language)}, {start.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>The offered slot a reply picks: its button label, or its number in the list ("2", "nr 2").</summary>
    public static DateTimeOffset? Picked(string text, IReadOnlyList<DateTimeOffset> offered, Language language)
    {
        var trimmed = text.Trim();
        foreach (var start in offered)
        {
            if (Enum.GetValues<Language>().Any(l => string.Equals(Label(start, l), trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                return start;
            }
        }

        return Number().Match(trimmed) is { Success: true } number && int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n >= 1 && n <= offered.Count
            ? offered[n - 1]
            : null;
    }

    private static TimeOnly? Time(Dictionary<string, string> found, string key) =>
        found.TryGetValue(key, out var text) ? TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?:nr|no\.?|№|#)?\s*([1-9])\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}

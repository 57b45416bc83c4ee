using System.Globalization;
using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.Bot.Conversation.Booking;

/// <summary>
/// When a person would like to come, as they said it ("we wtorek po 14", "jutro o 10", "15 grudnia
/// rano"), and which free slots fit it: an exact time on a named day is taken at once, anything vaguer
/// gets the nearest three to choose from.
/// </summary>
internal sealed partial record SlotWish(DateOnly? Day, TimeOnly? At, TimeOnly? After, TimeOnly? Before, DateOnly? From = null, DateOnly? To = null, IReadOnlyList<DayOfWeek>? NotDays = null)
{
    private static readonly TimeOnly Noon = new(12, 0);

    /// <summary>
    /// The wish in a message, with what a person says around it: a day they cannot come ("byle nie w
    /// poniedziałek"), hours they work ("bo rano pracuję", "I work until 3": then only later times),
    /// and "w przyszłym tygodniu". Those parts are read first and taken out, so that "nie w
    /// poniedziałek" is not read as Monday and "pracuję do 15" not as "before 15:00".
    /// </summary>
    public static SlotWish Read(string text, DateOnly today)
    {
        var folded = TextFolding.Fold(text);
        var notDays = NotDay().Matches(folded).Select(m => DayOf(m.Groups["day"].Value)).OfType<DayOfWeek>().ToList();
        folded = NotDay().Replace(folded, " ");
        TimeOnly? workEnds = WorkUntil().Match(folded) is { Success: true } until ? Hour(until.Groups["h"].Value) : null;
        var worksMornings = workEnds is not null || WorksMornings().IsMatch(folded);
        folded = WorksMornings().Replace(WorkUntil().Replace(folded, " "), " ");
        DateOnly? from = null, to = null;
        if (NextWeek().IsMatch(folded))
        {
            from = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
            to = from.Value.AddDays(6);
        }

        var found = DateTimeRecognizer.Find(folded, today);
        var after = Time(found, RecognizedEntities.TimeAfter);
        var before = Time(found, RecognizedEntities.TimeBefore);
        if (worksMornings)
        {
            // Mornings are out: from noon, or from the end of the person's work.
            var earliest = workEnds is { } end && end > Noon ? end : Noon;
            after = after is { } a && a > earliest ? a : earliest;
            before = before is { } b && b > after ? b : null;
        }

        return new SlotWish(
            found.TryGetValue(RecognizedEntities.Date, out var date) ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Time(found, RecognizedEntities.Time), after, before, from, to, notDays.Count > 0 ? notDays : null);
    }

    /// <summary>The wishes said one after another (one per line), each added to those before it.</summary>
    public static SlotWish ReadAll(string said, DateOnly today) =>
        said.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Read(line, today)).Aggregate((earlier, later) => later.Following(earlier));

    /// <summary>
    /// This wish said after <paramref name="earlier"/> ("po 14" … "not on Monday though"): what it says
    /// about the day replaces the earlier day, what it says about the time replaces the earlier time,
    /// and the days the person cannot come add up.
    /// </summary>
    public SlotWish Following(SlotWish earlier)
    {
        var namesDay = Day is not null || From is not null;
        var namesTime = At is not null || After is not null || Before is not null;
        var notDays = (earlier.NotDays ?? []).Concat(NotDays ?? []).Distinct().ToList();
        return new SlotWish(
            namesDay ? Day : earlier.Day, namesTime ? At : earlier.At, namesTime ? After : earlier.After, namesTime ? Before : earlier.Before,
            namesDay ? From : earlier.From, namesDay ? To : earlier.To, notDays.Count > 0 ? notDays : null);
    }

    public bool IsEmpty => Day is null && At is null && After is null && Before is null && From is null && NotDays is null;

    public bool Fits(FreeSlot slot)
    {
        var time = TimeOnly.FromDateTime(slot.Start.DateTime);
        var day = DateOnly.FromDateTime(slot.Start.DateTime);
        return (Day is null || day == Day)
            && (From is null || day >= From) && (To is null || day <= To)
            && (NotDays is null || !NotDays.Contains(day.DayOfWeek))
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

    private static DayOfWeek? DayOf(string name) =>
        DateTimeRecognizer.Find(name, new DateOnly(2026, 1, 5)).TryGetValue(RecognizedEntities.Date, out var date)
            ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayOfWeek
            : null;

    // "do 3" at work means 15:00: office hours end by the afternoon.
    private static TimeOnly Hour(string text) => int.Parse(text, CultureInfo.InvariantCulture) is var h && h < 7 ? new TimeOnly(h + 12, 0) : new TimeOnly(Math.Min(h, 23), 0);

    private static TimeOnly? Time(Dictionary<string, string> found, string key) =>
        found.TryGetValue(key, out var text) ? TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?:nr|no\.?|№|#)?\s*([1-9])\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<![\p{L}])(?:nie|not|не|ні)\s+(?:w |we |on |в |во |у )?(?<day>poniedzialek|poniedzialki|wtorek|wtorki|srode|sroda|srody|czwartek|czwartki|piatek|piatki|monday|mondays|tuesday|tuesdays|wednesday|wednesdays|thursday|thursdays|friday|fridays|понеділок|вівторок|середу|четвер|пятницю|понедельник|вторник|среду|четверг|пятницу)(?![\p{L}])")]
    private static partial Regex NotDay();

    [GeneratedRegex(@"(?:rano|przed poludniem|z rana)\s+(?:pracuje|jestem w pracy|nie moge|nie dam rady)|pracuje\s+(?:rano|do poludnia)|i work (?:in the )?mornings?|mornings? (?:are|is) (?:bad|impossible|no good)|(?:can't|cannot) (?:come )?in the morning|вранці (?:працюю|не можу)|зранку (?:працюю|не можу)|працюю (?:вранці|зранку)|утром (?:работаю|не могу)|работаю (?:утром|с утра)")]
    private static partial Regex WorksMornings();

    [GeneratedRegex(@"(?:pracuje|jestem w pracy|work|working|am at work|працюю|работаю)\s+(?:until|till|do|до)\s+(?:godz\.?\s+)?(?<h>\d{1,2})(?:[:.]\d{2})?\s*(?:am|pm)?")]
    private static partial Regex WorkUntil();

    [GeneratedRegex(@"(?:w |na )?(?:przyszlym|nastepnym) tygodniu|(?:na )?(?:przyszly|nastepny) tydzien|next week|наступного тижня|(?:на )?наступному тижні|(?:на )?наступний тиждень|(?:на )?следующей неделе|(?:на )?следующую неделю")]
    private static partial Regex NextWeek();
}

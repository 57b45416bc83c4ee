using System.Globalization;
using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.KnowledgeBase.Entities;

/// <summary>
/// Dates and times as residents write them: in Polish fully ("jutro", "pojutrze", "w przyszły
/// wtorek", "15 grudnia o 10:30", "po 14", "przed południem") and the basics in English, Ukrainian
/// and Russian ("tomorrow at 10", "завтра о 10", "в пятницу после обеда"). Works on folded text, so
/// "srode" and "środę" are the same. Relative dates count from the office's local today.
/// </summary>
public static partial class DateTimeRecognizer
{
    private static readonly Dictionary<string, int> Months = BuildMonths();
    private static readonly Dictionary<string, DayOfWeek> Weekdays = BuildWeekdays();

    public static Dictionary<string, string> Find(string text, DateOnly today)
    {
        var found = new Dictionary<string, string>();
        var folded = Normalize(text);

        if (FindDate(folded, today) is { } date)
        {
            found[RecognizedEntities.Date] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        FindTimes(folded, found);
        return found;
    }

    /// <summary>
    /// The message (folded) with every day and time it says taken out: what it says besides when
    /// ("a prawo jazdy jutro?" → "a prawo jazdy ?"). A day-month pattern also takes the word after a
    /// number, so a remainder can lose a word; it is for telling whether a message names more than a time.
    /// </summary>
    public static string WithoutWhen(string text)
    {
        var rest = Normalize(text);
        foreach (var pattern in new[] { IsoDate(), MonthNameDay(), NumericDate(), Relative(), Weekday(), After(), Before(), AfternoonWord(), MorningWord(), ColonTime(), PrepositionTime(), DayMonthName() })
        {
            rest = pattern.Replace(rest, " ");
        }

        return rest;
    }

    private static string Normalize(string text) =>
        TextFolding.Fold(text).Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal).Replace("ʼ", "", StringComparison.Ordinal);

    private static DateOnly? FindDate(string text, DateOnly today)
    {
        if (IsoDate().Match(text) is { Success: true } iso
            && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate))
        {
            return isoDate;
        }

        foreach (Match named in DayMonthName().Matches(text))
        {
            if (Months.TryGetValue(named.Groups["month"].Value, out var month))
            {
                return Build(today, int.Parse(named.Groups["day"].Value, CultureInfo.InvariantCulture), month, named.Groups["year"].Value);
            }
        }

        if (MonthNameDay().Match(text) is { Success: true } english && Months.TryGetValue(english.Groups["month"].Value, out var englishMonth))
        {
            return Build(today, int.Parse(english.Groups["day"].Value, CultureInfo.InvariantCulture), englishMonth, english.Groups["year"].Value);
        }

        foreach (Match numeric in NumericDate().Matches(text))
        {
            // "o 10.30" is a time; a date is not preceded by a time preposition.
            if (!numeric.Groups["prep"].Success
                && Build(today, int.Parse(numeric.Groups["day"].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups["month"].Value, CultureInfo.InvariantCulture), numeric.Groups["year"].Value) is { } date)
            {
                return date;
            }
        }

        if (Relative().Match(text) is { Success: true } relative)
        {
            return relative.Groups["word"].Value switch
            {
                "pojutrze" or "day after tomorrow" or "післязавтра" or "послезавтра" => today.AddDays(2),
                "jutro" or "tomorrow" or "завтра" => today.AddDays(1),
                _ => today,
            };
        }

        if (Weekday().Match(text) is { Success: true } weekday && Weekdays.TryGetValue(weekday.Groups["day"].Value, out var dayOfWeek))
        {
            var days = ((int)dayOfWeek - (int)today.DayOfWeek + 7) % 7;
            var next = today.AddDays(days == 0 ? 7 : days);
            if (weekday.Groups["next"].Success)
            {
                // "w przyszły wtorek": the Tuesday of next week (weeks start on Monday).
                var mondayNextWeek = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
                next = mondayNextWeek.AddDays(((int)dayOfWeek + 6) % 7);
            }

            return next;
        }

        return null;
    }

    private static DateOnly? Build(DateOnly today, int day, int month, string year)
    {
        var y = year.Length switch
        {
            4 => int.Parse(year, CultureInfo.InvariantCulture),
            2 => 2000 + int.Parse(year, CultureInfo.InvariantCulture),
            _ => today.Year,
        };
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var date = new DateOnly(y, month, day);
        // A date without a year that has already passed means next year's ("15 stycznia" said in December).
        return year.Length == 0 && date < today ? date.AddYears(1) : date;
    }

    private static void FindTimes(string text, Dictionary<string, string> found)
    {
        if (After().Match(text) is { Success: true } after)
        {
            found[RecognizedEntities.TimeAfter] = Clock(after, assumeAfternoon: true);
        }
        else if (AfternoonWord().IsMatch(text))
        {
            found[RecognizedEntities.TimeAfter] = "12:00";
        }

        if (Before().Match(text) is { Success: true } before)
        {
            found[RecognizedEntities.TimeBefore] = Clock(before, assumeAfternoon: true);
        }
        else if (MorningWord().IsMatch(text))
        {
            found[RecognizedEntities.TimeBefore] = "12:00";
        }

        if (found.ContainsKey(RecognizedEntities.TimeAfter) || found.ContainsKey(RecognizedEntities.TimeBefore))
        {
            return;
        }

        if (ColonTime().Match(text) is { Success: true } colon)
        {
            found[RecognizedEntities.Time] = Clock(colon, assumeAfternoon: false);
        }
        else if (PrepositionTime().Match(text) is { Success: true } at)
        {
            found[RecognizedEntities.Time] = Clock(at, assumeAfternoon: true);
        }
    }

    // "po 3" at an office means 15:00: hours 1–6 without am/pm are read as afternoon.
    private static string Clock(Match match, bool assumeAfternoon)
    {
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["ampm"].Value;
        if (meridiem == "pm" && hour < 12)
        {
            hour += 12;
        }
        else if (meridiem == "am" && hour == 12)
        {
            hour = 0;
        }
        else if (meridiem.Length == 0 && assumeAfternoon && hour is >= 1 and <= 6)
        {
            hour += 12;
        }

        return $"{Math.Min(hour, 23):D2}:{Math.Min(minute, 59):D2}";
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        string[][] names =
        [
            ["stycznia", "styczen", "january", "jan", "січня", "января"],
            ["lutego", "luty", "february", "feb", "лютого", "февраля"],
            ["marca", "marzec", "march", "mar", "березня", "марта"],
            ["kwietnia", "kwiecien", "april", "apr", "квітня", "апреля"],
            ["maja", "maj", "may", "травня", "мая"],
            ["czerwca", "czerwiec", "june", "jun", "червня", "июня"],
            ["lipca", "lipiec", "july", "jul", "липня", "июля"],
            ["sierpnia", "sierpien", "august", "aug", "серпня", "августа"],
            ["wrzesnia", "wrzesien", "september", "sep", "sept", "вересня", "сентября"],
            ["pazdziernika", "pazdziernik", "october", "oct", "жовтня", "октября"],
            ["listopada", "listopad", "november", "nov", "листопада", "ноября"],
            ["grudnia", "grudzien", "december", "dec", "грудня", "декабря"],
        ];
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months[name] = i + 1;
            }
        }

        return months;
    }

    private static Dictionary<string, DayOfWeek> BuildWeekdays()
    {
        var days = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        void Add(DayOfWeek day, params string[] names)
        {
            foreach (var name in names)
            {
                days[name] = day;
            }
        }

        Add(DayOfWeek.Monday, "poniedzialek", "monday", "понеділок", "понедельник");
        Add(DayOfWeek.Tuesday, "wtorek", "tuesday", "вівторок", "вторник");
        Add(DayOfWeek.Wednesday, "sroda", "srode", "wednesday", "середа", "середу", "среда", "среду");
        Add(DayOfWeek.Thursday, "czwartek", "thursday", "четвер", "четверг");
        Add(DayOfWeek.Friday, "piatek", "friday", "пятниця", "пятницю", "пятница", "пятницу");
        Add(DayOfWeek.Saturday, "sobota", "sobote", "saturday", "субота", "суботу", "суббота", "субботу");
        Add(DayOfWeek.Sunday, "niedziela", "niedziele", "sunday", "неділя", "неділю", "воскресенье");
        return days;
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<!\d)(?<day>\d{1,2})(?:-?(?:go|ego|st|nd|rd|th))?\s+(?<month>[a-zа-яіїє]+)(?:\s+(?<year>\d{4}))?")]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"\b(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>\d{4}))?")]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"(?<prep>\b(?:o|at|о|в|godz\.?|godzinie)\s+)?(?<!\d)(?<day>\d{1,2})[./](?<month>\d{1,2})(?:[./](?<year>\d{4}|\d{2}))?(?![\d:])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<![\p{L}])(?<word>pojutrze|jutro|dzisiaj|dzis|day after tomorrow|tomorrow|today|післязавтра|послезавтра|завтра|сьогодні|сегодня)(?![\p{L}])")]
    private static partial Regex Relative();

    [GeneratedRegex(@"(?<![\p{L}])(?:(?<next>przyszly|przyszla|przyszle|przyszlym|przyszlej|nastepny|nastepna|next|наступн\w*|следующ\w*)\s+)?(?<day>poniedzialek|wtorek|sroda|srode|czwartek|piatek|sobota|sobote|niedziela|niedziele|monday|tuesday|wednesday|thursday|friday|saturday|sunday|понеділок|вівторок|середа|середу|четвер|пятниця|пятницю|субота|суботу|неділя|неділю|понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье)(?![\p{L}])")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"(?<![\p{L}])(?:po|after|later than|після|после|от)\s+(?:godz(?:\.|inie)?\s+)?(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ampm>am|pm)?(?!\d)")]
    private static partial Regex After();

    [GeneratedRegex(@"(?<![\p{L}])(?:przed|before|до)\s+(?:godz(?:\.|inie)?\s+)?(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ampm>am|pm)?(?![\d./])")]
    private static partial Regex Before();

    [GeneratedRegex(@"(?<![\p{L}])(?:po poludniu|popoludniu|afternoon|після обіду|пообіді|после обеда|днем|вечером|wieczorem|evening)(?![\p{L}])")]
    private static partial Regex AfternoonWord();

    [GeneratedRegex(@"(?<![\p{L}])(?:rano|przed poludniem|z rana|morning|вранці|зранку|утром|с утра)(?![\p{L}])")]
    private static partial Regex MorningWord();

    [GeneratedRegex(@"(?<!\d)(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)\s*(?<ampm>am|pm)?(?!\d)")]
    private static partial Regex ColonTime();

    [GeneratedRegex(@"(?<![\p{L}])(?:o|at|о|в|на|godz\.?|godzina|godzinie)\s+(?:godz(?:\.|inie)?\s+)?(?<h>[01]?\d|2[0-3])(?:[.](?<m>[0-5]\d))?\s*(?<ampm>am|pm)?(?![\d./:]|\s*(?:dni|dzien|lat|minut|days|hours|днів|дней|лет|років))|(?<![\p{L}\d])(?<h>[01]?\d)\s*(?<ampm>am|pm)(?![\p{L}])")]
    private static partial Regex PrepositionTime();
}

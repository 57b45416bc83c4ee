using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Appointments;

/// <summary>Checks _booking.yaml the way cards are checked: known units, sane numbers, readable hours, titles in every language.</summary>
internal static partial class BookingScheduleValidator
{
    public static IEnumerable<CardProblem> Validate(BookingSchedule schedule, OfficeDirectory office, string path)
    {
        var problems = new List<CardProblem>();
        void Error(string field, string message) => problems.Add(new CardProblem(path, null, field, message));

        Range("lead_minutes", schedule.LeadMinutes, 0, 7 * 24 * 60, Error);
        Range("reminder_hour", schedule.ReminderHour, 0, 23, Error);
        for (var i = 0; i < schedule.Queues.Count; i++)
        {
            var queue = schedule.Queues[i];
            var at = $"queues[{i}]";
            if (!Slug().IsMatch(queue.Id))
            {
                Error($"{at}.id", $"'{queue.Id}' must be a slug");
            }
            else if (schedule.Queues.Take(i).Any(q => q.Id == queue.Id))
            {
                Error($"{at}.id", $"duplicate queue '{queue.Id}'");
            }

            if (office.FindUnit(queue.Unit) is null)
            {
                Error($"{at}.unit", $"unknown unit '{queue.Unit}' (units are listed in {CardLoader.OfficeFileName})");
            }

            Range($"{at}.slot_minutes", queue.SlotMinutes, 5, 240, Error);
            Range($"{at}.windows", queue.Windows, 1, 50, Error);
            Range($"{at}.horizon_days", queue.HorizonDays, 1, 365, Error);
            foreach (var language in Enum.GetValues<Language>().Where(l => queue.Title.In(l) is null))
            {
                Error($"{at}.title.{language.Code()}", "is required");
            }

            foreach (var (day, hours) in queue.Hours)
            {
                if (!Enum.GetValues<DayOfWeek>().Any(d => OpeningHours.KeyOf(d) == day.ToLowerInvariant()) || !OpeningHours.TryParse(hours, out _, out _))
                {
                    Error($"{at}.hours.{day}", $"'{hours}' must be \"HH:mm-HH:mm\" under mon..sun");
                }
            }
        }

        for (var i = 0; i < schedule.Closures.Count; i++)
        {
            var closure = schedule.Closures[i];
            if (closure.Date == default)
            {
                Error($"closures[{i}].date", "is required (YYYY-MM-DD)");
            }

            if (closure.Unit is { } unit && office.FindUnit(unit) is null)
            {
                Error($"closures[{i}].unit", $"unknown unit '{unit}'");
            }

            if (closure.Reason.In(Language.Pl) is null)
            {
                Error($"closures[{i}].reason.pl", "say why the office is closed");
            }
        }

        return problems;
    }

    private static void Range(string field, int value, int min, int max, Action<string, string> error)
    {
        if (value < min || value > max)
        {
            error(field, $"{value} must be between {min} and {max}");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}

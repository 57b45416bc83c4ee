using System.Globalization;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Appointments;

/// <summary>
/// The messages a person gets about their visit (booked, moved, cancelled, the reminder the day
/// before), in the language they booked in, by SMS or e-mail (with the calendar file), as outbox
/// records. Short on purpose: an SMS in Polish letters fits 70 characters a part.
/// </summary>
public static class AppointmentNotices
{
    public const string Booked = "booked";
    public const string Moved = "moved";
    public const string Cancelled = "cancelled";
    public const string Reminder = "reminder";

    private static readonly Dictionary<string, string[]> Texts = new()
    {
        // pl, en, uk, ru. {0} office, {1} service, {2} date, {3} time, {4} place, {5} code, {6} office phone.
        [Booked] =
        [
            "{0}: wizyta „{1}” {2} o {3}, {4}. Kod wizyty: {5}. Zmiana lub odwołanie: czat na stronie lub tel. {6}.",
            "{0}: your visit \"{1}\" on {2} at {3}, {4}. Visit code: {5}. To move or cancel: the chat on our website or phone {6}.",
            "{0}: візит «{1}» {2} о {3}, {4}. Код візиту: {5}. Змінити чи скасувати: чат на сайті або тел. {6}.",
            "{0}: визит «{1}» {2} в {3}, {4}. Код визита: {5}. Изменить или отменить: чат на сайте или тел. {6}.",
        ],
        [Moved] =
        [
            "{0}: wizytę {5} („{1}”) przeniesiono na {2} o {3}, {4}.",
            "{0}: your visit {5} (\"{1}\") has been moved to {2} at {3}, {4}.",
            "{0}: візит {5} («{1}») перенесено на {2} о {3}, {4}.",
            "{0}: визит {5} («{1}») перенесён на {2} в {3}, {4}.",
        ],
        [Cancelled] =
        [
            "{0}: wizyta {5} („{1}”) {2} o {3} została odwołana.",
            "{0}: your visit {5} (\"{1}\") on {2} at {3} has been cancelled.",
            "{0}: візит {5} («{1}») {2} о {3} скасовано.",
            "{0}: визит {5} («{1}») {2} в {3} отменён.",
        ],
        [Reminder] =
        [
            "{0}: przypominamy o wizycie „{1}” jutro, {2} o {3}, {4}. Kod: {5}. Nie możesz przyjść? Odwołaj ją na czacie lub pod nr {6}.",
            "{0}: a reminder of your visit \"{1}\" tomorrow, {2} at {3}, {4}. Code: {5}. Cannot come? Cancel it in the chat or on {6}.",
            "{0}: нагадуємо про візит «{1}» завтра, {2} о {3}, {4}. Код: {5}. Не можете прийти? Скасуйте в чаті або за тел. {6}.",
            "{0}: напоминаем о визите «{1}» завтра, {2} в {3}, {4}. Код: {5}. Не можете прийти? Отмените в чате или по тел. {6}.",
        ],
    };

    private static readonly Dictionary<string, string[]> Subjects = new()
    {
        [Booked] = ["Potwierdzenie wizyty {0}", "Visit confirmed {0}", "Підтвердження візиту {0}", "Подтверждение визита {0}"],
        [Moved] = ["Wizyta przeniesiona {0}", "Visit moved {0}", "Візит перенесено {0}", "Визит перенесён {0}"],
        [Cancelled] = ["Wizyta odwołana {0}", "Visit cancelled {0}", "Візит скасовано {0}", "Визит отменён {0}"],
        [Reminder] = ["Przypomnienie o wizycie {0}", "Visit reminder {0}", "Нагадування про візит {0}", "Напоминание о визите {0}"],
    };

    public static OutboxMessageRecord Create(string kind, AppointmentRecord visit, CardCatalogue catalogue, BookableService queue, TimeZoneInfo zone, DateTime notBefore, DateTimeOffset now)
    {
        var language = Languages.Languages.TryParse(visit.Language, out var l) ? l : Language.Pl;
        var index = (int)language;
        var start = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(visit.StartsAt, DateTimeKind.Utc)), zone);
        var unit = catalogue.Office.FindUnit(queue.Unit);
        var body = string.Format(CultureInfo.InvariantCulture, Texts[kind][index],
            catalogue.Office.Name.Best(language), queue.Title.Best(language), LongDate(start, language), start.ToString("HH:mm", CultureInfo.InvariantCulture),
            Place(unit, catalogue.Office, language), visit.Code, unit?.Phone ?? catalogue.Office.Phone);
        var email = visit.Email is not null;
        var attach = email && kind != Reminder;
        return new OutboxMessageRecord
        {
            DedupKey = DedupKey(visit.Code, kind, visit.StartsAt),
            Channel = email ? OutboxChannels.Email : OutboxChannels.Sms,
            Recipient = visit.Email ?? visit.Phone!,
            Subject = email ? string.Format(CultureInfo.InvariantCulture, Subjects[kind][index], visit.Code) : null,
            Body = body,
            AttachmentName = attach ? "wizyta.ics" : null,
            AttachmentContentType = attach ? "text/calendar" : null,
            Attachment = attach ? AppointmentCalendarFile.Write(visit, catalogue, queue, zone, cancelled: kind == Cancelled) : null,
            NotBefore = notBefore,
            // A reminder after the visit has begun helps nobody.
            ExpiresAt = kind == Reminder ? DateTime.SpecifyKind(visit.StartsAt, DateTimeKind.Utc) : null,
            Status = OutboxStatus.Pending,
            NextAttemptAt = notBefore,
            CreatedAt = now,
        };
    }

    public static string DedupKey(string code, string kind, DateTime startsAt) =>
        $"appointment:{code}:{kind}:{startsAt.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}";

    public static string ReminderKeyPrefix(string code) => $"appointment:{code}:{Reminder}:";

    /// <summary>"wtorek, 1 grudnia 2026", "Tuesday, 1 December 2026" and so on.</summary>
    public static string LongDate(DateTimeOffset date, Language language) =>
        date.ToString("dddd, d MMMM yyyy", language.Culture());

    /// <summary>Where to come: unit, building with address, floor, room or desk.</summary>
    public static string Place(OfficeUnit? unit, OfficeDirectory office, Language language) => unit is null
        ? office.Name.Best(language)
        : $"{unit.Name.Best(language)}, {CardLocation.Of(unit, office, language).Describe(language)}";
}

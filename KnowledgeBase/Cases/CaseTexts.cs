using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.Cases;

/// <summary>What a status means and what happens next, in plain words: pl, en, uk, ru.</summary>
public static class CaseTexts
{
    private static readonly Dictionary<string, string[]> Status = new()
    {
        [CaseStatus.Received] = ["Wniosek wpłynął i czeka na rozpatrzenie.", "Your application has arrived and is waiting to be dealt with.", "Заява надійшла й очікує на розгляд.", "Заявление поступило и ждёт рассмотрения."],
        [CaseStatus.InProgress] = ["Sprawa jest w toku: urzędnik ją rozpatruje.", "Your case is being dealt with by a clerk.", "Справа в роботі: її розглядає працівник.", "Дело в работе: его рассматривает сотрудник."],
        [CaseStatus.WaitingForDocuments] = ["Sprawa czeka na dokumenty od Ciebie.", "Your case is waiting for documents from you.", "Справа чекає на документи від вас.", "Дело ждёт документов от вас."],
        [CaseStatus.DecisionIssued] = ["Decyzja została wydana.", "The decision has been issued.", "Рішення ухвалено.", "Решение вынесено."],
        [CaseStatus.ReadyForPickup] = ["Gotowe do odbioru!", "Ready for pickup!", "Готово до отримання!", "Готово к получению!"],
        [CaseStatus.Closed] = ["Sprawa jest zakończona.", "Your case is closed.", "Справу завершено.", "Дело завершено."],
    };

    private static readonly Dictionary<string, string[]> Next = new()
    {
        [CaseStatus.Received] = ["Urzędnik sprawdzi wniosek; jeśli czegoś zabraknie, dostaniesz wezwanie.", "A clerk will check it; if anything is missing, you will be asked for it.", "Працівник перевірить заяву; якщо чогось бракуватиме, вас повідомлять.", "Сотрудник проверит заявление; если чего-то не хватит, вас известят."],
        [CaseStatus.InProgress] = ["Nic nie musisz robić. Mogę dać znać SMS-em, gdy będzie gotowe.", "You need not do anything. I can text you when it is ready.", "Вам нічого не потрібно робити. Можу надіслати SMS, коли буде готово.", "Вам ничего не нужно делать. Могу прислать SMS, когда будет готово."],
        [CaseStatus.WaitingForDocuments] = ["Dostarcz: {0}. Czas oczekiwania na dokumenty nie wlicza się do terminu.", "Please bring: {0}. The time spent waiting for documents does not count towards the deadline.", "Донесіть: {0}. Час очікування документів не зараховується до строку.", "Принесите: {0}. Время ожидания документов не входит в срок."],
        [CaseStatus.DecisionIssued] = ["Decyzję doręczymy pocztą albo przez ePUAP. Od doręczenia masz 14 dni na odwołanie.", "The decision will reach you by post or through ePUAP. You have 14 days from delivery to appeal.", "Рішення надійде поштою або через ePUAP. На оскарження – 14 днів від отримання.", "Решение придёт почтой или через ePUAP. На обжалование – 14 дней с момента получения."],
        [CaseStatus.ReadyForPickup] = ["Odbierz osobiście: {0}. Zabierz dowód osobisty lub paszport.", "Collect it in person: {0}. Bring your ID card or passport.", "Отримайте особисто: {0}. Візьміть посвідчення особи або паспорт.", "Получите лично: {0}. Возьмите удостоверение личности или паспорт."],
        [CaseStatus.Closed] = ["W razie pytań zadzwoń: {0}.", "If you have questions, call {0}.", "Якщо маєте питання, телефонуйте: {0}.", "Если есть вопросы, звоните: {0}."],
    };

    private static readonly string[] Deadline = ["Ustawowy termin załatwienia sprawy: {0}.", "Statutory deadline for your case: {0}.", "Строк розгляду справи за законом: {0}.", "Срок рассмотрения дела по закону: {0}."];

    private static readonly string[] ReadyNotice =
    [
        "{0}: sprawa {1} jest gotowa do odbioru. {2}. Zabierz dowód osobisty lub paszport.",
        "{0}: case {1} is ready for pickup. {2}. Bring your ID card or passport.",
        "{0}: справа {1} готова до отримання. {2}. Візьміть посвідчення особи або паспорт.",
        "{0}: дело {1} готово к получению. {2}. Возьмите удостоверение личности или паспорт.",
    ];

    private static readonly string[] MissingUnknown = ["brakujące dokumenty (szczegóły w wezwaniu)", "the missing documents (see the letter you received)", "відсутні документи (деталі в листі)", "недостающие документы (подробности в письме)"];

    public static string StatusText(string status, Language language) => Status[status][(int)language];

    /// <summary>The next step; <paramref name="detail"/> is what is missing, the pickup place, or the office phone, as the status needs.</summary>
    public static string NextStep(string status, Language language, string? detail) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Next[status][(int)language],
            status == CaseStatus.WaitingForDocuments && string.IsNullOrWhiteSpace(detail) ? MissingUnknown[(int)language] : detail);

    public static string DeadlineText(DateOnly deadline, Language language) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Deadline[(int)language], deadline.ToString("d MMMM yyyy", language.Culture()));

    public static string ReadyNoticeText(string office, string number, string place, Language language) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadyNotice[(int)language], office, number, place);
}

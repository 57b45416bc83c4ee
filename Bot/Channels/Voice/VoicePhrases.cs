using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Channels.Voice;

/// <summary>What the phone line says, written for the ear: short sentences, no links, no lists. pl, en, uk, ru.</summary>
internal static class VoicePhrases
{
    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["menu"] =
        [
            "Aby dowiedzieć się, gdzie i jak załatwić sprawę, naciśnij 1 albo powiedz: sprawa. Aby porozmawiać z pracownikiem, naciśnij 0.",
            "To find out where and how to deal with your matter, press 1 or say: matter. To talk to a person, press 0.",
            "Щоб дізнатися, де і як вирішити справу, натисніть 1 або скажіть: справа. Щоб поговорити з працівником, натисніть 0.",
            "Чтобы узнать, где и как решить дело, нажмите 1 или скажите: дело. Чтобы поговорить с сотрудником, нажмите 0.",
        ],
        ["no_choice"] = ["Nie usłyszałem wyboru.", "I did not catch your choice.", "Я не почув вибору.", "Я не расслышал выбор."],
        ["ask_question"] =
        [
            "Powiedz krótko, jaką sprawę chcesz załatwić. Na przykład: rejestracja samochodu z Niemiec.",
            "Say briefly what you need to do. For example: register a car from Germany.",
            "Скажіть коротко, яку справу хочете вирішити. Наприклад: реєстрація авто з Німеччини.",
            "Скажите коротко, какое дело хотите решить. Например: регистрация машины из Германии.",
        ],
        ["not_understood"] =
        [
            "Niestety nie zrozumiałem. Spróbuj powiedzieć to innymi słowami.",
            "Sorry, I did not understand. Please try other words.",
            "На жаль, я не зрозумів. Спробуйте сказати інакше.",
            "К сожалению, я не понял. Попробуйте сказать иначе.",
        ],
        ["confirm"] = ["Czy chodzi o: {0}? Naciśnij 1, jeśli tak, albo 2, jeśli nie.", "Do you mean: {0}? Press 1 for yes or 2 for no.", "Ви маєте на увазі: {0}? Натисніть 1, якщо так, або 2, якщо ні.", "Вы имеете в виду: {0}? Нажмите 1, если да, или 2, если нет."],
        ["where"] = ["Sprawę załatwisz tu: {0}.", "Where to go: {0}.", "Куди звернутися: {0}.", "Куда обратиться: {0}."],
        ["open_today"] = ["Dziś czynne od {0} do {1}.", "Open today from {0} to {1}.", "Сьогодні працює з {0} до {1}.", "Сегодня работает с {0} до {1}."],
        ["closed_today"] = ["Dziś nieczynne.", "Closed today.", "Сьогодні не працює.", "Сегодня не работает."],
        ["fee"] = ["Opłata: {0} złotych.", "The fee is {0} zloty.", "Оплата: {0} злотих.", "Оплата: {0} злотых."],
        ["free"] = ["Sprawa jest bezpłatna.", "There is no fee.", "Справа безкоштовна.", "Дело бесплатное."],
        ["after"] =
        [
            "Aby dostać szczegóły SMS-em, naciśnij 1. Aby zapytać o coś innego, naciśnij 2. Aby porozmawiać z pracownikiem, naciśnij 0.",
            "To get the details by text message, press 1. To ask about something else, press 2. To talk to a person, press 0.",
            "Щоб отримати деталі SMS, натисніть 1. Щоб запитати про інше, натисніть 2. Щоб поговорити з працівником, натисніть 0.",
            "Чтобы получить подробности по SMS, нажмите 1. Чтобы спросить о другом, нажмите 2. Чтобы поговорить с сотрудником, нажмите 0.",
        ],
        ["sms_sent"] = ["Wysłaliśmy SMS ze szczegółami.", "We have sent you a text with the details.", "Ми надіслали SMS з деталями.", "Мы отправили SMS с подробностями."],
        ["sms_impossible"] = ["Na ten numer nie możemy wysłać SMS-a.", "We cannot send a text to this number.", "На цей номер не можемо надіслати SMS.", "На этот номер не можем отправить SMS."],
        ["connecting"] = ["Łączę z punktem informacyjnym. Proszę czekać.", "Connecting you to the information desk. Please hold.", "З'єдную з інформаційним пунктом. Зачекайте.", "Соединяю с информационным пунктом. Подождите."],
        ["connecting_unit"] = ["Łączę z: {0}. Proszę czekać.", "Connecting you to: {0}. Please hold.", "З'єдную: {0}. Зачекайте.", "Соединяю: {0}. Подождите."],
        ["closed_callback"] =
        [
            "Teraz nikt nie odbierze: urząd jest zamknięty. Jeśli chcesz, żebyśmy oddzwonili na ten numer w najbliższym dniu pracy, naciśnij 1. Możesz też zadzwonić w godzinach pracy: {0}.",
            "Nobody can answer now: the office is closed. If you would like us to call this number back on the next working day, press 1. You can also call during office hours: {0}.",
            "Зараз ніхто не відповість: установа зачинена. Якщо хочете, щоб ми передзвонили на цей номер наступного робочого дня, натисніть 1. Можна також зателефонувати в робочий час: {0}.",
            "Сейчас никто не ответит: учреждение закрыто. Если хотите, чтобы мы перезвонили на этот номер в следующий рабочий день, нажмите 1. Можно также позвонить в рабочее время: {0}.",
        ],
        ["callback_saved"] =
        [
            "Zapisaliśmy prośbę. Pracownik oddzwoni w najbliższym dniu pracy urzędu. Do usłyszenia.",
            "Your request is saved. A clerk will call you back on the next working day. Goodbye.",
            "Прохання записано. Працівник передзвонить наступного робочого дня. До побачення.",
            "Просьба записана. Сотрудник перезвонит в следующий рабочий день. До свидания.",
        ],
        ["callback_no_number"] =
        [
            "Nie widzimy numeru, z którego dzwonisz, więc nie możemy oddzwonić. Zadzwoń w godzinach pracy: {0}. Do usłyszenia.",
            "We cannot see the number you are calling from, so we cannot call back. Please call during office hours: {0}. Goodbye.",
            "Ми не бачимо номера, з якого ви телефонуєте, тож не можемо передзвонити. Телефонуйте в робочий час: {0}. До побачення.",
            "Мы не видим номер, с которого вы звоните, поэтому не можем перезвонить. Звоните в рабочее время: {0}. До свидания.",
        ],
        ["goodbye"] = ["Dziękujemy za telefon. Do usłyszenia.", "Thank you for calling. Goodbye.", "Дякуємо за дзвінок. До побачення.", "Спасибо за звонок. До свидания."],
        ["desk_closed"] =
        [
            "Punkt informacyjny jest teraz nieczynny. Zadzwoń w godzinach pracy urzędu: {0}. Do usłyszenia.",
            "The information desk is closed now. Please call during office hours: {0}. Goodbye.",
            "Інформаційний пункт зараз зачинений. Телефонуйте в робочий час: {0}. До побачення.",
            "Информационный пункт сейчас закрыт. Звоните в рабочее время: {0}. До свидания.",
        ],
        ["sms_intro"] = ["Starostwo: {0}", "County office: {0}", "Староство: {0}", "Староство: {0}"],
    };

    public static string Get(string key, Language language) => Texts[key][(int)language];

    /// <summary>The language tag the provider's speech uses for each language.</summary>
    public static string Tag(Language language) => language switch
    {
        Language.En => "en-US",
        Language.Uk => "uk-UA",
        Language.Ru => "ru-RU",
        _ => "pl-PL",
    };
}

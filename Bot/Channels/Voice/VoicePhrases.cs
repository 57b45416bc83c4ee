using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Channels.Voice;

/// <summary>What the phone line says, written for the ear: short sentences, no links, no lists. pl, en, uk, ru.</summary>
internal static class VoicePhrases
{
    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["menu"] =
        [
            "Aby dowiedzieć się, gdzie i jak załatwić sprawę, naciśnij 1 albo powiedz: sprawa. Aby sprawdzić, na jakim etapie jest Twoja sprawa, naciśnij 2. Aby umówić, przełożyć lub odwołać wizytę, naciśnij 3. Aby porozmawiać z pracownikiem, naciśnij 0.",
            "To find out where and how to deal with your matter, press 1 or say: matter. To check the status of your case, press 2. To book, move or cancel a visit, press 3. To talk to a person, press 0.",
            "Щоб дізнатися, де і як вирішити справу, натисніть 1 або скажіть: справа. Щоб перевірити стан своєї справи, натисніть 2. Щоб записатися на прийом, перенести чи скасувати його, натисніть 3. Щоб поговорити з працівником, натисніть 0.",
            "Чтобы узнать, где и как решить дело, нажмите 1 или скажите: дело. Чтобы проверить состояние своего дела, нажмите 2. Чтобы записаться на приём, перенести или отменить его, нажмите 3. Чтобы поговорить с сотрудником, нажмите 0.",
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
        ["go_on"] = ["Słucham.", "I am listening.", "Слухаю.", "Слушаю."],
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
        ["case_number"] =
        [
            "Podaj znak sprawy z pisma lub potwierdzenia: powiedz go, na przykład: K T 5410 123 2026, albo wpisz cyfry, oddzielając części gwiazdką, i zakończ krzyżykiem.",
            "Give your case reference from the letter or receipt: say it, for example: K T 5410 123 2026, or key in the digits, separating the parts with star, and finish with hash.",
            "Назвіть номер справи з листа чи підтвердження: скажіть його, наприклад: K T 5410 123 2026, або введіть цифри, розділяючи частини зірочкою, і завершіть решіткою.",
            "Назовите номер дела из письма или подтверждения: скажите его, например: K T 5410 123 2026, или введите цифры, разделяя части звёздочкой, и завершите решёткой.",
        ],
        ["case_code"] =
        [
            "Teraz wpisz kod z potwierdzenia złożenia wniosku i zakończ krzyżykiem. Litery wpisz klawiszami, na których są, na przykład A, B i C to 2.",
            "Now key in the code from your receipt and finish with hash. Enter letters with the key they are on, for example A, B and C are 2.",
            "Тепер введіть код із підтвердження і завершіть решіткою. Літери вводьте клавішами, на яких вони є, наприклад A, B і C – це 2.",
            "Теперь введите код из подтверждения и завершите решёткой. Буквы вводите клавишами, на которых они есть, например A, B и C – это 2.",
        ],
        ["case_not_found"] =
        [
            "Nie znalazłem sprawy o tym znaku z tym kodem.",
            "I could not find a case with that reference and code.",
            "Я не знайшов справи з таким номером і кодом.",
            "Я не нашёл дела с таким номером и кодом.",
        ],
        ["too_many_tries"] =
        [
            "Było zbyt wiele nieudanych prób. Spróbuj ponownie za {0} minut albo porozmawiaj z pracownikiem.",
            "There have been too many failed attempts. Try again in {0} minutes or talk to a person.",
            "Забагато невдалих спроб. Спробуйте знову через {0} хвилин або поговоріть із працівником.",
            "Слишком много неудачных попыток. Попробуйте снова через {0} минут или поговорите с сотрудником.",
        ],
        ["visit_menu"] =
        [
            "Aby umówić wizytę, naciśnij 1. Aby przełożyć lub odwołać wizytę, naciśnij 2.",
            "To book a visit, press 1. To move or cancel a visit, press 2.",
            "Щоб записатися на прийом, натисніть 1. Щоб перенести чи скасувати прийом, натисніть 2.",
            "Чтобы записаться на приём, нажмите 1. Чтобы перенести или отменить приём, нажмите 2.",
        ],
        ["visit_service"] =
        [
            "Powiedz, w jakiej sprawie chcesz przyjść, na przykład: rejestracja samochodu.",
            "Say what your visit is about, for example: registering a car.",
            "Скажіть, у якій справі хочете прийти, наприклад: реєстрація авто.",
            "Скажите, по какому делу хотите прийти, например: регистрация машины.",
        ],
        ["not_bookable"] =
        [
            "Na tę sprawę nie umawia się wizyt: {0}.",
            "Visits are not booked for this matter: {0}.",
            "На цю справу не записуються: {0}.",
            "На это дело не записываются: {0}.",
        ],
        ["slots"] = ["{0}. Najbliższe wolne terminy:", "{0}. The nearest free times:", "{0}. Найближчі вільні терміни:", "{0}. Ближайшее свободное время:"],
        ["slot_key"] = ["Naciśnij {0}: {1}.", "Press {0}: {1}.", "Натисніть {0}: {1}.", "Нажмите {0}: {1}."],
        ["no_slots"] =
        [
            "Nie ma teraz wolnych terminów na tę sprawę. Spróbuj później albo porozmawiaj z pracownikiem.",
            "There are no free times for this matter now. Try later or talk to a person.",
            "Зараз немає вільних термінів на цю справу. Спробуйте пізніше або поговоріть із працівником.",
            "Сейчас нет свободного времени на это дело. Попробуйте позже или поговорите с сотрудником.",
        ],
        ["visit_name"] = ["Powiedz swoje imię i nazwisko.", "Say your first name and surname.", "Скажіть своє ім'я та прізвище.", "Скажите своё имя и фамилию."],
        ["visit_confirm"] =
        [
            "Rezerwuję: {0}, {1}, na nazwisko {2}. Potwierdzenie przyjdzie SMS-em na ten numer. Aby potwierdzić, naciśnij 1. Aby zrezygnować, naciśnij 2.",
            "Booking: {0}, {1}, for {2}. The confirmation comes by text message to this number. To confirm, press 1. To cancel, press 2.",
            "Бронюю: {0}, {1}, на ім'я {2}. Підтвердження прийде SMS на цей номер. Щоб підтвердити, натисніть 1. Щоб відмовитися, натисніть 2.",
            "Бронирую: {0}, {1}, на имя {2}. Подтверждение придёт по SMS на этот номер. Чтобы подтвердить, нажмите 1. Чтобы отказаться, нажмите 2.",
        ],
        ["visit_booked"] =
        [
            "Wizyta zarezerwowana: {0}. Kod wizyty: {1}. Wyślemy go też SMS-em.",
            "Your visit is booked: {0}. The visit code is {1}. We will also send it by text message.",
            "Прийом заброньовано: {0}. Код візиту: {1}. Ми також надішлемо його SMS.",
            "Приём забронирован: {0}. Код визита: {1}. Мы также отправим его по SMS.",
        ],
        ["slot_gone"] =
        [
            "Ten termin został właśnie zajęty.",
            "That time has just been taken.",
            "Цей термін щойно зайняли.",
            "Это время только что заняли.",
        ],
        ["no_visits"] =
        [
            "Nie widzę wizyt umówionych z tego numeru. Jeśli wizyta była umawiana z innego numeru, skorzystaj z czatu na stronie urzędu.",
            "I cannot see any visits booked from this number. If you booked with another number, please use the chat on the office's website.",
            "Я не бачу візитів, записаних із цього номера. Якщо ви записувалися з іншого номера, скористайтеся чатом на сайті установи.",
            "Я не вижу визитов, записанных с этого номера. Если вы записывались с другого номера, воспользуйтесь чатом на сайте учреждения.",
        ],
        ["visit_pick"] = ["Twoje wizyty:", "Your visits:", "Ваші візити:", "Ваши визиты:"],
        ["visit_code"] =
        [
            "Wpisz kod wizyty z SMS-a i zakończ krzyżykiem. Litery wpisz klawiszami, na których są.",
            "Key in the visit code from the text message and finish with hash. Enter letters with the key they are on.",
            "Введіть код візиту з SMS і завершіть решіткою. Літери вводьте клавішами, на яких вони є.",
            "Введите код визита из SMS и завершите решёткой. Буквы вводите клавишами, на которых они есть.",
        ],
        ["wrong_visit_code"] = ["To nie jest kod tej wizyty.", "That is not the code of this visit.", "Це не код цього візиту.", "Это не код этого визита."],
        ["visit_action"] =
        [
            "Aby odwołać tę wizytę, naciśnij 1. Aby ją przełożyć, naciśnij 2.",
            "To cancel this visit, press 1. To move it, press 2.",
            "Щоб скасувати цей візит, натисніть 1. Щоб перенести його, натисніть 2.",
            "Чтобы отменить этот визит, нажмите 1. Чтобы перенести его, нажмите 2.",
        ],
        ["visit_cancelled"] = ["Wizyta odwołana. Potwierdzenie wyślemy SMS-em.", "The visit is cancelled. We will confirm by text message.", "Візит скасовано. Підтвердження надішлемо SMS.", "Визит отменён. Подтверждение отправим по SMS."],
        ["visit_moved"] = ["Wizyta przełożona na: {0}. Potwierdzenie wyślemy SMS-em.", "The visit is moved to {0}. We will confirm by text message.", "Візит перенесено на: {0}. Підтвердження надішлемо SMS.", "Визит перенесён на: {0}. Подтверждение отправим по SMS."],
        ["visit_failed"] = ["Tej wizyty nie można już zmienić.", "This visit can no longer be changed.", "Цей візит уже не можна змінити.", "Этот визит уже нельзя изменить."],
        ["no_caller_number"] =
        [
            "Nie widzimy numeru, z którego dzwonisz, a jest potrzebny do wizyty. Skorzystaj z czatu na stronie urzędu albo porozmawiaj z pracownikiem.",
            "We cannot see the number you are calling from, and a visit needs it. Please use the chat on the office's website or talk to a person.",
            "Ми не бачимо номера, з якого ви телефонуєте, а він потрібен для візиту. Скористайтеся чатом на сайті установи або поговоріть із працівником.",
            "Мы не видим номер, с которого вы звоните, а он нужен для визита. Воспользуйтесь чатом на сайте учреждения или поговорите с сотрудником.",
        ],
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

using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Conversation.Booking;

/// <summary>What the assistant says while booking, moving or cancelling a visit: pl, en, uk, ru, in that order.</summary>
internal static class BookingPhrases
{
    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["which_service"] =
        [
            "Na jaką wizytę chcesz się umówić? Wybierz sprawę:",
            "What would you like to book a visit for? Choose:",
            "На який прийом хочете записатися? Оберіть:",
            "На какой приём хотите записаться? Выберите:",
        ],
        ["nearest"] =
        [
            "**{0}** – najbliższe wolne terminy. Wybierz albo napisz dzień i godzinę, np. „we wtorek po 14”.",
            "**{0}** – the nearest free times. Choose one, or write a day and time, e.g. \"Tuesday after 2 pm\".",
            "**{0}** – найближчі вільні терміни. Оберіть або напишіть день і час, наприклад «у вівторок після 14».",
            "**{0}** – ближайшее свободное время. Выберите или напишите день и время, например «во вторник после 14».",
        ],
        ["on_day"] =
        [
            "Wolne terminy – {0}:",
            "Free times – {0}:",
            "Вільні терміни – {0}:",
            "Свободное время – {0}:",
        ],
        ["none_that_day"] =
        [
            "W dniu {0} nie ma wolnych terminów{1}. Najbliższe wolne:",
            "There are no free times on {0}{1}. The nearest free ones:",
            "На {0} немає вільних термінів{1}. Найближчі вільні:",
            "На {0} нет свободного времени{1}. Ближайшее свободное:",
        ],
        ["none_fitting"] =
        [
            "O tej porze nie ma wolnych terminów. Najbliższe wolne:",
            "There are no free times at that time of day. The nearest free ones:",
            "На цей час немає вільних термінів. Найближчі вільні:",
            "На это время нет свободных мест. Ближайшее свободное:",
        ],
        ["too_far"] =
        [
            "Tak daleko nie można się jeszcze zapisać – zapisy są otwarte do {0}. Najbliższe wolne:",
            "It is not yet possible to book that far ahead – booking is open until {0}. The nearest free times:",
            "Так далеко записатися ще не можна – запис відкрито до {0}. Найближчі вільні:",
            "Так далеко записаться пока нельзя – запись открыта до {0}. Ближайшее свободное:",
        ],
        ["no_slots"] =
        [
            "W najbliższych tygodniach nie ma wolnych terminów do zarezerwowania tutaj. Zadzwoń: {0} – pracownik poszuka terminu.",
            "There are no free times to book here in the coming weeks. Please call {0} – a clerk will find you a time.",
            "Найближчими тижнями немає вільних термінів для запису тут. Зателефонуйте: {0} – працівник підбере час.",
            "В ближайшие недели нет свободного времени для записи здесь. Позвоните: {0} – сотрудник подберёт время.",
        ],
        ["another_day"] = ["Inny dzień", "Another day", "Інший день", "Другой день"],
        ["ask_day"] =
        [
            "Na który dzień? Napisz np. „jutro”, „w czwartek” albo „15 grudnia”.",
            "Which day? Write e.g. \"tomorrow\", \"Thursday\" or \"15 December\".",
            "На який день? Напишіть, наприклад, «завтра», «у четвер» або «15 грудня».",
            "На какой день? Напишите, например, «завтра», «в четверг» или «15 декабря».",
        ],
        ["unclear_slot"] =
        [
            "Nie wiem, który termin wybrać. Kliknij termin, napisz jego numer albo dzień i godzinę, np. „jutro o 10”.",
            "I am not sure which time you mean. Tap a time, write its number, or a day and time, e.g. \"tomorrow at 10\".",
            "Не зрозумів, який термін обрати. Натисніть термін, напишіть його номер або день і час, наприклад «завтра о 10».",
            "Не понял, какое время выбрать. Нажмите на время, напишите его номер или день и час, например «завтра в 10».",
        ],
        ["ask_name"] =
        [
            "Termin: **{0}**. Podaj imię i nazwisko osoby, która przyjdzie.",
            "Time: **{0}**. Please give the first name and surname of the person who will come.",
            "Термін: **{0}**. Вкажіть ім'я та прізвище людини, яка прийде.",
            "Время: **{0}**. Укажите имя и фамилию человека, который придёт.",
        ],
        ["bad_name"] =
        [
            "Podaj imię i nazwisko (same litery), np. Jan Kowalski.",
            "Please give a first name and surname (letters only), e.g. John Smith.",
            "Вкажіть ім'я та прізвище (лише літери), наприклад Іван Петренко.",
            "Укажите имя и фамилию (только буквы), например Иван Петров.",
        ],
        ["ask_contact"] =
        [
            "Podaj numer telefonu komórkowego – wyślemy SMS z potwierdzeniem i przypomnieniem. Możesz też podać adres e-mail.",
            "Please give a mobile number – we will text the confirmation and a reminder. An e-mail address works too.",
            "Вкажіть номер мобільного – надішлемо SMS з підтвердженням і нагадуванням. Можна також e-mail.",
            "Укажите номер мобильного – пришлём SMS с подтверждением и напоминанием. Можно также e-mail.",
        ],
        ["bad_contact"] =
        [
            "To nie wygląda na numer telefonu ani e-mail. Napisz np. 600 123 456 albo jan@example.com.",
            "That does not look like a phone number or an e-mail address. Write e.g. +48 600 123 456 or john@example.com.",
            "Це не схоже на номер телефону чи e-mail. Напишіть, наприклад, +48 600 123 456 або ivan@example.com.",
            "Это не похоже на номер телефона или e-mail. Напишите, например, +48 600 123 456 или ivan@example.com.",
        ],
        ["confirm"] =
        [
            "Sprawdź, czy wszystko się zgadza:\n\n**{0}**\n\n{1}\n\n{2}\n\n{3}, {4}\n\nCzy mam zarezerwować?",
            "Please check:\n\n**{0}**\n\n{1}\n\n{2}\n\n{3}, {4}\n\nShall I book it?",
            "Перевірте, чи все правильно:\n\n**{0}**\n\n{1}\n\n{2}\n\n{3}, {4}\n\nЗаписати?",
            "Проверьте, всё ли верно:\n\n**{0}**\n\n{1}\n\n{2}\n\n{3}, {4}\n\nЗаписать?",
        ],
        ["yes_book"] = ["Tak, rezerwuję", "Yes, book it", "Так, записати", "Да, записать"],
        ["change_time"] = ["Zmień termin", "Change the time", "Змінити термін", "Изменить время"],
        ["stop"] = ["Nie, rezygnuję", "No, stop", "Ні, відмовляюся", "Нет, отказываюсь"],
        ["yes_or_no"] =
        [
            "Odpowiedz „tak” albo „nie”.",
            "Please answer \"yes\" or \"no\".",
            "Дайте відповідь «так» або «ні».",
            "Ответьте «да» или «нет».",
        ],
        ["booked"] =
        [
            "Gotowe! Wizyta: **{0}**, {1}.\n\nKod wizyty: **{2}** – zachowaj go, przyda się do zmiany lub odwołania. {3} Dzień wcześniej przypomnimy o wizycie. Zabierz dokument tożsamości.",
            "Done! Your visit: **{0}**, {1}.\n\nVisit code: **{2}** – keep it to move or cancel the visit. {3} We will remind you the day before. Bring an identity document.",
            "Готово! Візит: **{0}**, {1}.\n\nКод візиту: **{2}** – збережіть його, він знадобиться для зміни чи скасування. {3} Напередодні нагадаємо про візит. Візьміть документ, що посвідчує особу.",
            "Готово! Визит: **{0}**, {1}.\n\nКод визита: **{2}** – сохраните его, он понадобится для изменения или отмены. {3} Накануне напомним о визите. Возьмите документ, удостоверяющий личность.",
        ],
        ["by_sms"] = ["Potwierdzenie wyślemy SMS-em.", "We will text you the confirmation.", "Підтвердження надішлемо SMS.", "Подтверждение пришлём SMS."],
        ["by_email"] = ["Potwierdzenie wyślemy e-mailem.", "We will e-mail you the confirmation.", "Підтвердження надішлемо на e-mail.", "Подтверждение пришлём на e-mail."],
        ["calendar"] = ["Dodaj do kalendarza", "Add to calendar", "Додати до календаря", "Добавить в календарь"],
        ["slot_taken"] =
        [
            "Przepraszam, ktoś przed chwilą zajął ten termin. Wybierz inny:",
            "Sorry, someone has just taken that time. Please choose another:",
            "Перепрошую, хтось щойно зайняв цей термін. Оберіть інший:",
            "Извините, кто-то только что занял это время. Выберите другое:",
        ],
        ["stopped"] =
        [
            "Dobrze, niczego nie zmieniam. W czym jeszcze mogę pomóc?",
            "All right, nothing has been changed. What else can I help with?",
            "Добре, нічого не змінюю. Чим ще можу допомогти?",
            "Хорошо, ничего не меняю. Чем ещё могу помочь?",
        ],
        ["back_to_booking"] =
        [
            "Wracając do rezerwacji:",
            "Back to your booking:",
            "Повертаючись до запису:",
            "Возвращаясь к записи:",
        ],
        ["ask_code"] =
        [
            "Podaj kod wizyty (8 znaków, np. K7M4-XQ3H) – jest w SMS-ie lub e-mailu z potwierdzeniem.",
            "Please give the visit code (8 characters, e.g. K7M4-XQ3H) – it is in the confirmation text or e-mail.",
            "Вкажіть код візиту (8 символів, наприклад K7M4-XQ3H) – він є в SMS чи e-mail з підтвердженням.",
            "Укажите код визита (8 символов, например K7M4-XQ3H) – он есть в SMS или e-mail с подтверждением.",
        ],
        ["bad_code"] =
        [
            "Kod ma 8 znaków, litery i cyfry, np. K7M4-XQ3H. Spróbuj jeszcze raz.",
            "The code has 8 characters, letters and digits, e.g. K7M4-XQ3H. Please try again.",
            "Код має 8 символів, літери та цифри, наприклад K7M4-XQ3H. Спробуйте ще раз.",
            "Код состоит из 8 символов, букв и цифр, например K7M4-XQ3H. Попробуйте ещё раз.",
        ],
        ["ask_verify"] =
        [
            "Podaj numer telefonu albo e-mail podany przy rezerwacji.",
            "Please give the phone number or e-mail address used when booking.",
            "Вкажіть номер телефону або e-mail, вказаний під час запису.",
            "Укажите номер телефона или e-mail, указанный при записи.",
        ],
        ["not_found"] =
        [
            "Nie znalazłem wizyty z tym kodem i tym numerem. Sprawdź oba i napisz kod jeszcze raz albo zadzwoń: {0}.",
            "I found no visit with this code and this number. Check both and write the code again, or call {0}.",
            "Не знайшов візиту з цим кодом і цим номером. Перевірте обидва й напишіть код ще раз або зателефонуйте: {0}.",
            "Не нашёл визита с этим кодом и этим номером. Проверьте оба и напишите код ещё раз или позвоните: {0}.",
        ],
        ["confirm_cancel"] =
        [
            "Twoja wizyta: **{0}**, {1}. Odwołać ją?",
            "Your visit: **{0}**, {1}. Cancel it?",
            "Ваш візит: **{0}**, {1}. Скасувати його?",
            "Ваш визит: **{0}**, {1}. Отменить его?",
        ],
        ["yes_cancel"] = ["Tak, odwołaj", "Yes, cancel it", "Так, скасувати", "Да, отменить"],
        ["cancelled"] =
        [
            "Wizyta {0} została odwołana. {1}",
            "Visit {0} has been cancelled. {1}",
            "Візит {0} скасовано. {1}",
            "Визит {0} отменён. {1}",
        ],
        ["move_from"] =
        [
            "Twoja wizyta: **{0}**, {1}. Na kiedy ją przenieść?",
            "Your visit: **{0}**, {1}. When would you like to move it to?",
            "Ваш візит: **{0}**, {1}. На коли його перенести?",
            "Ваш визит: **{0}**, {1}. На когда его перенести?",
        ],
        ["confirm_move"] =
        [
            "Przenieść wizytę **{0}** na **{1}**?",
            "Move the visit **{0}** to **{1}**?",
            "Перенести візит **{0}** на **{1}**?",
            "Перенести визит **{0}** на **{1}**?",
        ],
        ["yes_move"] = ["Tak, przenieś", "Yes, move it", "Так, перенести", "Да, перенести"],
        ["moved"] =
        [
            "Przeniesione! Nowy termin: **{0}**, {1}. Kod wizyty bez zmian: **{2}**. {3}",
            "Moved! The new time: **{0}**, {1}. The visit code stays **{2}**. {3}",
            "Перенесено! Новий термін: **{0}**, {1}. Код візиту той самий: **{2}**. {3}",
            "Перенесено! Новое время: **{0}**, {1}. Код визита прежний: **{2}**. {3}",
        ],
        ["visit_over"] =
        [
            "Tej wizyty nie można już zmienić: odbyła się albo została odwołana. Możesz umówić nową.",
            "This visit can no longer be changed: it has taken place or was cancelled. You can book a new one.",
            "Цей візит уже не можна змінити: він відбувся або був скасований. Можна записатися знову.",
            "Этот визит уже нельзя изменить: он состоялся или был отменён. Можно записаться заново.",
        ],
        ["give_up"] =
        [
            "Nie udało się tego ustalić. Umów się telefonicznie: {0} – albo porozmawiaj z pracownikiem.",
            "We could not sort this out here. Please book by phone on {0} – or talk to a person.",
            "Не вдалося це з'ясувати. Запишіться телефоном: {0} – або поговоріть з працівником.",
            "Не удалось это выяснить. Запишитесь по телефону: {0} – или поговорите с сотрудником.",
        ],
    };

    public static string Get(string key, Language language) => Texts[key][(int)language];

    /// <summary>Whether <paramref name="text"/> is the phrase <paramref name="key"/> in any language (a button sent back).</summary>
    public static bool Is(string text, string key) => Texts[key].Any(v => string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase));
}

using System.Globalization;
using Asystent.Bot.Handoff;
using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Conversation.Handoff;

/// <summary>What the assistant says while handing a conversation to a person: pl, en, uk, ru, in that order.</summary>
internal static class HandoffPhrases
{
    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["consent"] =
        [
            "Mogę przekazać tę rozmowę pracownikowi: {0}. Zobaczy, o czym rozmawialiśmy (bez Twoich danych osobowych), i odpisze tutaj. Możesz też zadzwonić: {1}. Połączyć?",
            "I can pass this conversation to a clerk: {0}. They will see what we talked about (without your personal data) and answer here. You can also call {1}. Shall I connect you?",
            "Я можу передати цю розмову працівнику: {0}. Він побачить, про що ми говорили (без ваших персональних даних), і відповість тут. Можна також зателефонувати: {1}. З'єднати?",
            "Я могу передать этот разговор сотруднику: {0}. Он увидит, о чём мы говорили (без ваших персональных данных), и ответит здесь. Можно также позвонить: {1}. Соединить?",
        ],
        ["yes_connect"] = ["Tak, połącz", "Yes, connect me", "Так, з'єднати", "Да, соединить"],
        ["no_thanks"] = ["Nie, dziękuję", "No, thanks", "Ні, дякую", "Нет, спасибо"],
        ["queued"] =
        [
            "Łączę z pracownikiem: {0}. {1} Jeśli zmienisz zdanie, wybierz „Wyjdź z kolejki”.",
            "Connecting you to a clerk: {0}. {1} If you change your mind, choose \"Leave the queue\".",
            "З'єдную з працівником: {0}. {1} Якщо передумаєте, оберіть «Вийти з черги».",
            "Соединяю с сотрудником: {0}. {1} Если передумаете, выберите «Выйти из очереди».",
        ],
        ["place"] =
        [
            "Jesteś {0}. w kolejce, przewidywany czas oczekiwania: ok. {1} min.",
            "You are number {0} in the queue; expected wait: about {1} min.",
            "Ви {0}-й у черзі, орієнтовний час очікування: близько {1} хв.",
            "Вы {0}-й в очереди, ожидаемое время ожидания: около {1} мин.",
        ],
        ["seen_later"] =
        [
            "Pracownik zobaczy tę wiadomość, gdy przejmie rozmowę.",
            "The clerk will see this message when they take over.",
            "Працівник побачить це повідомлення, коли прийме розмову.",
            "Сотрудник увидит это сообщение, когда примет разговор.",
        ],
        ["leave_queue"] = ["Wyjdź z kolejki", "Leave the queue", "Вийти з черги", "Выйти из очереди"],
        ["leave_chat"] = ["Zakończ rozmowę", "End the chat", "Завершити розмову", "Завершить разговор"],
        ["left_queue"] =
        [
            "Kolejka opuszczona – rozmowa nie trafi do pracownika. W czym jeszcze mogę pomóc?",
            "You have left the queue. What else can I help you with?",
            "Ви вийшли з черги. Чим ще можу допомогти?",
            "Вы вышли из очереди. Чем ещё могу помочь?",
        ],
        ["chat_ended"] =
        [
            "Rozmowa z pracownikiem zakończona. Jestem tu dalej – w czym mogę pomóc?",
            "The chat with the clerk has ended. I am still here – what can I help you with?",
            "Розмову з працівником завершено. Я й далі тут – чим можу допомогти?",
            "Разговор с сотрудником завершён. Я всё ещё здесь – чем могу помочь?",
        ],
        ["clerk_joined"] =
        [
            "Pracownik ({0}) jest już w rozmowie. Pisz tutaj – odpowie na Twoje pytania.",
            "A clerk ({0}) has joined. Write here and they will answer your questions.",
            "До розмови приєднався працівник ({0}). Пишіть тут – вам дадуть відповідь.",
            "К разговору подключился сотрудник ({0}). Пишите здесь – вам ответят.",
        ],
        ["clerk_handed_back"] =
        [
            "Pracownik przekazał rozmowę z powrotem do mnie. W czym jeszcze mogę pomóc?",
            "The clerk has passed the conversation back to me. What else can I help you with?",
            "Працівник передав розмову назад мені. Чим ще можу допомогти?",
            "Сотрудник передал разговор обратно мне. Чем ещё могу помочь?",
        ],
        ["clerk_closed"] =
        [
            "Pracownik zakończył rozmowę. Dziękujemy! Jeśli masz inne pytanie, napisz.",
            "The clerk has ended the chat. Thank you! If you have another question, just write.",
            "Працівник завершив розмову. Дякуємо! Якщо маєте інше питання, пишіть.",
            "Сотрудник завершил разговор. Спасибо! Если есть другой вопрос, пишите.",
        ],
        ["callback_closed"] =
        [
            "Teraz nikt nie odpisze na czacie – urząd jest zamknięty. Mogę zapisać prośbę o kontakt: podaj numer telefonu (albo e-mail, jeśli wolisz odpowiedź na piśmie).",
            "Nobody can answer in the chat now – the office is closed. I can take a request to contact you: give a phone number (or an e-mail address if you prefer a written answer).",
            "Зараз ніхто не відповість у чаті – установа зачинена. Я можу записати прохання зв'язатися з вами: вкажіть номер телефону (або e-mail, якщо хочете письмову відповідь).",
            "Сейчас никто не ответит в чате – учреждение закрыто. Я могу записать просьбу связаться с вами: укажите номер телефона (или e-mail, если хотите письменный ответ).",
        ],
        ["callback_busy"] =
        [
            "Teraz żaden pracownik nie może odpisać na czacie. Mogę zapisać prośbę o kontakt: podaj numer telefonu (albo e-mail, jeśli wolisz odpowiedź na piśmie).",
            "No clerk can answer in the chat right now. I can take a request to contact you: give a phone number (or an e-mail address if you prefer a written answer).",
            "Зараз жоден працівник не може відповісти в чаті. Я можу записати прохання зв'язатися з вами: вкажіть номер телефону (або e-mail, якщо хочете письмову відповідь).",
            "Сейчас ни один сотрудник не может ответить в чате. Я могу записать просьбу связаться с вами: укажите номер телефона (или e-mail, если хотите письменный ответ).",
        ],
        ["callback_contact_again"] =
        [
            "Nie rozpoznaję numeru telefonu ani adresu e-mail. Napisz np. 600 123 456 albo jan@example.pl.",
            "I do not recognise a phone number or an e-mail address. Write e.g. 600 123 456 or jan@example.pl.",
            "Не розпізнаю номер телефону чи адресу e-mail. Напишіть, наприклад, 600 123 456 або jan@example.pl.",
            "Не распознаю номер телефона или адрес e-mail. Напишите, например, 600 123 456 или jan@example.pl.",
        ],
        ["callback_when"] =
        [
            "Kiedy najlepiej się skontaktować? Wybierz albo napisz, np. „jutro 10–12”.",
            "When is the best time to contact you? Choose or write, e.g. \"tomorrow 10–12\".",
            "Коли найкраще з вами зв'язатися? Оберіть або напишіть, наприклад, «завтра 10–12».",
            "Когда лучше с вами связаться? Выберите или напишите, например, «завтра 10–12».",
        ],
        ["when_soon"] = ["Jak najszybciej", "As soon as possible", "Якнайшвидше", "Как можно скорее"],
        ["when_morning"] = ["Rano (8–11)", "Morning (8–11)", "Зранку (8–11)", "Утром (8–11)"],
        ["when_afternoon"] = ["Po południu (11–15)", "Afternoon (11–15)", "Після обіду (11–15)", "После обеда (11–15)"],
        ["callback_topic"] =
        [
            "W jakiej sprawie? Napisz krótko.",
            "What is it about? Write briefly.",
            "У якій справі? Напишіть коротко.",
            "По какому вопросу? Напишите кратко.",
        ],
        ["callback_saved"] =
        [
            "Prośba nr {0} zapisana: kontakt {1}, termin: {2}, sprawa: {3}. Pracownik odezwie się w godzinach pracy urzędu.",
            "Request no. {0} saved: contact {1}, when: {2}, about: {3}. A clerk will contact you during office hours.",
            "Прохання № {0} записано: контакт {1}, коли: {2}, справа: {3}. Працівник зв'яжеться з вами в робочий час установи.",
            "Просьба № {0} записана: контакт {1}, когда: {2}, вопрос: {3}. Сотрудник свяжется с вами в рабочее время учреждения.",
        ],
        ["callback_contact"] =
        [
            "Pracownik oddzwoni. Podaj numer telefonu (albo e-mail, jeśli wolisz odpowiedź na piśmie).",
            "A clerk will call you back. Give a phone number (or an e-mail address if you prefer a written answer).",
            "Працівник вам передзвонить. Вкажіть номер телефону (або e-mail, якщо хочете письмову відповідь).",
            "Сотрудник вам перезвонит. Укажите номер телефона (или e-mail, если хотите письменный ответ).",
        ],
        ["callback_confirm"] =
        [
            "Sprawdź, proszę: oddzwonimy pod {0}, {1}, w sprawie: {2}. Zapisać?",
            "Please check: we will call you back at {0}, {1}, about: {2}. Shall I save it?",
            "Перевірте, будь ласка: ми передзвонимо на {0}, {1}, у справі: {2}. Записати?",
            "Проверьте, пожалуйста: мы перезвоним на {0}, {1}, по вопросу: {2}. Записать?",
        ],
        ["yes_save"] = ["Tak, zapisz", "Yes, save it", "Так, записати", "Да, записать"],
        ["change_details"] = ["Popraw dane", "Change details", "Виправити дані", "Исправить данные"],
        ["callback_fix"] =
        [
            "Dobrze, podaj jeszcze raz numer telefonu (albo e-mail) i kiedy zadzwonić, np. „600 123 456, jutro rano”.",
            "All right, give the phone number (or e-mail) again and when to call, e.g. \"600 123 456, tomorrow morning\".",
            "Добре, вкажіть ще раз номер телефону (або e-mail) і коли зателефонувати, наприклад, «600 123 456, завтра зранку».",
            "Хорошо, укажите ещё раз номер телефона (или e-mail) и когда позвонить, например, «600 123 456, завтра утром».",
        ],
        ["when_any"] = ["w godzinach pracy urzędu", "during office hours", "у робочий час установи", "в рабочее время учреждения"],
        ["callback_gave_up"] =
        [
            "Nie udało się zapisać kontaktu. Zadzwoń, proszę: {0}.",
            "I could not take down a contact. Please call {0}.",
            "Не вдалося записати контакт. Будь ласка, зателефонуйте: {0}.",
            "Не удалось записать контакт. Пожалуйста, позвоните: {0}.",
        ],
        ["canned_moment"] = ["Chwileczkę, sprawdzam.", "One moment, I am checking.", "Хвилинку, перевіряю.", "Минутку, проверяю."],
        ["canned_anything_else"] =
        [
            "Czy mogę jeszcze w czymś pomóc?",
            "Is there anything else I can help with?",
            "Чи можу ще чимось допомогти?",
            "Могу ли я ещё чем-то помочь?",
        ],
    };

    public static string Get(string key, Language language) => Texts[key][(int)language];

    public static string Format(string key, Language language, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, language), values);

    public static string Place(QueuePlace place, Language language) => Format("place", language, place.Position, place.Minutes);

    /// <summary>Whether <paramref name="text"/> is the phrase (a button sent back) in any language.</summary>
    public static bool Is(string text, string key) => Texts[key].Any(v => string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase));
}

namespace Asystent.Bot.Conversation.Cases;

/// <summary>What the assistant says about a case: pl, en, uk, ru, in that order.</summary>
internal static class CasePhrases
{
    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["ask_number"] =
        [
            "Podaj numer sprawy z potwierdzenia złożenia wniosku, np. KT.5410.123.2026.",
            "Please give the case number from your receipt, e.g. KT.5410.123.2026.",
            "Вкажіть номер справи з підтвердження подання заяви, наприклад KT.5410.123.2026.",
            "Укажите номер дела с подтверждения подачи заявления, например KT.5410.123.2026.",
        ],
        ["ask_code"] =
        [
            "Podaj jeszcze kod weryfikacyjny z tego potwierdzenia (np. 7KQ2MX). Bez niego nie mogę podać statusu – to ochrona Twoich danych.",
            "Now the verification code from the same receipt (e.g. 7KQ2MX). I cannot tell the status without it – it protects your data.",
            "Тепер вкажіть код перевірки з того ж підтвердження (наприклад 7KQ2MX). Без нього я не можу повідомити статус – це захист ваших даних.",
            "Теперь укажите код проверки с того же подтверждения (например 7KQ2MX). Без него я не могу сообщить статус – это защита ваших данных.",
        ],
        ["not_found"] =
        [
            "Nie znalazłem sprawy o tym numerze z tym kodem. Sprawdź oba na potwierdzeniu i napisz kod jeszcze raz.",
            "I found no case with this number and this code. Check both on your receipt and write the code again.",
            "Не знайшов справи з цим номером і цим кодом. Перевірте обидва на підтвердженні й напишіть код ще раз.",
            "Не нашёл дела с этим номером и этим кодом. Проверьте оба на подтверждении и напишите код ещё раз.",
        ],
        ["blocked"] =
        [
            "Zbyt wiele nieudanych prób. Ze względów bezpieczeństwa spróbuj ponownie za {0} min albo zadzwoń: {1}.",
            "Too many failed attempts. For your security, try again in {0} min or call {1}.",
            "Забагато невдалих спроб. З міркувань безпеки спробуйте ще раз через {0} хв або зателефонуйте: {1}.",
            "Слишком много неудачных попыток. В целях безопасности попробуйте снова через {0} мин или позвоните: {1}.",
        ],
        ["case"] = ["Sprawa {0}", "Case {0}", "Справа {0}", "Дело {0}"],
        ["open_today"] = ["Dziś czynne: {0}.", "Open today: {0}.", "Сьогодні відчинено: {0}.", "Сегодня открыто: {0}."],
        ["closed_today"] = ["Dziś nieczynne.", "Closed today.", "Сьогодні зачинено.", "Сегодня закрыто."],
        ["notify_me"] = ["Powiadom mnie SMS-em", "Text me when ready", "Повідомити SMS", "Сообщить по SMS"],
        ["ask_contact"] =
        [
            "Podaj numer telefonu komórkowego (albo e-mail). Wykorzystamy go tylko do jednej wiadomości: gdy sprawa będzie gotowa do odbioru.",
            "Please give a mobile number (or an e-mail address). We will use it for one message only: when your case is ready for pickup.",
            "Вкажіть номер мобільного (або e-mail). Використаємо його лише для одного повідомлення: коли справа буде готова.",
            "Укажите номер мобильного (или e-mail). Используем его только для одного сообщения: когда дело будет готово.",
        ],
        ["bad_contact"] =
        [
            "To nie wygląda na numer telefonu ani e-mail. Napisz np. 600 123 456.",
            "That does not look like a phone number or an e-mail address. Write e.g. +48 600 123 456.",
            "Це не схоже на номер телефону чи e-mail. Напишіть, наприклад, +48 600 123 456.",
            "Это не похоже на номер телефона или e-mail. Напишите, например, +48 600 123 456.",
        ],
        ["watching"] =
        [
            "Dobrze. Gdy sprawa {0} będzie gotowa do odbioru, wyślemy wiadomość na {1}.",
            "All right. When case {0} is ready for pickup, we will send a message to {1}.",
            "Добре. Коли справа {0} буде готова, надішлемо повідомлення на {1}.",
            "Хорошо. Когда дело {0} будет готово, отправим сообщение на {1}.",
        ],
        ["already_ready"] =
        [
            "Ta sprawa jest już gotowa do odbioru – nie trzeba czekać na SMS.",
            "This case is ready for pickup already – no need to wait for a text.",
            "Ця справа вже готова до отримання – чекати на SMS не потрібно.",
            "Это дело уже готово к получению – ждать SMS не нужно.",
        ],
    };

    public static string Get(string key, KnowledgeBase.Languages.Language language) => Texts[key][(int)language];

    public static bool Is(string text, string key) => Texts[key].Any(v => string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase));
}

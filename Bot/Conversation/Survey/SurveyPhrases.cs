using Asystent.KnowledgeBase.Languages;

namespace Asystent.Bot.Conversation.Survey;

/// <summary>The satisfaction question and its answers: pl, en, uk, ru, in that order.</summary>
internal static class SurveyPhrases
{
    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["question"] =
        [
            "Jak oceniasz tę rozmowę? Wybierz od 1 (źle) do 5 (bardzo dobrze).",
            "How would you rate this conversation? Choose from 1 (poor) to 5 (very good).",
            "Як ви оцінюєте цю розмову? Оберіть від 1 (погано) до 5 (дуже добре).",
            "Как вы оцениваете этот разговор? Выберите от 1 (плохо) до 5 (очень хорошо).",
        ],
        ["comment"] =
        [
            "Dziękujemy! Chcesz coś dodać? Napisz krótki komentarz albo wybierz „Pomiń”.",
            "Thank you! Anything to add? Write a short comment or choose \"Skip\".",
            "Дякуємо! Бажаєте щось додати? Напишіть короткий коментар або оберіть «Пропустити».",
            "Спасибо! Хотите что-то добавить? Напишите короткий комментарий или выберите «Пропустить».",
        ],
        ["skip"] = ["Pomiń", "Skip", "Пропустити", "Пропустить"],
        ["thanks"] =
        [
            "Dziękujemy za opinię – pomoże nam lepiej obsługiwać mieszkańców.",
            "Thank you for your feedback – it helps us serve residents better.",
            "Дякуємо за відгук – він допоможе нам краще обслуговувати мешканців.",
            "Спасибо за отзыв – он поможет нам лучше обслуживать жителей.",
        ],
    };

    public static string Get(string key, Language language) => Texts[key][(int)language];

    public static bool Is(string text, string key) => Texts[key].Any(v => string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase));
}

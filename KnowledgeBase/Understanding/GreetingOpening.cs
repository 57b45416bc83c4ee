using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.Understanding;

/// <summary>
/// The greeting a message opens with ("Dzień dobry, kupiłem auto w Niemczech…", "Hello! I need…",
/// "Добрий день. Підкажіть…"). People greet before their question; the intent model then sees a
/// greeting and the search weighs words that say nothing about the matter. What follows the greeting
/// is the message to understand, and a message that is only a greeting stays one.
/// </summary>
public static partial class GreetingOpening
{
    /// <summary>The message without the greeting it opens with; the message itself when it opens with none.</summary>
    public static string Without(string text)
    {
        var match = Opening().Match(text);
        return match.Success ? text[match.Length..] : text;
    }

    /// <summary>Whether the message carries more than its greeting: a letter left after it.</summary>
    public static bool CarriesMore(string text)
    {
        var rest = Without(text);
        return rest.Length < text.Length && rest.Any(char.IsLetter);
    }

    // A greeting, then who is greeted ("panie", "Państwa", "asystencie") and the punctuation after it;
    // the greeting must end at a word boundary so "Witamina" or "hiking" is not one.
    [GeneratedRegex(
        @"^\s*(?:(?:dzie[nń] dob(?:ry|ry wam)|dobry wiecz[oó]r|witam(?: serdecznie| pa[nń]stwa| wszystkich)?|witajcie|witaj|cze[sś][cć]|hej(?:ka)?|siema|halo|uszanowanie|szanown(?:i|a|y) pa[nń]stwo|"
        + @"hello(?: there)?|hi(?: there)?|hey(?: there)?|good (?:morning|afternoon|evening|day)|greetings|dear (?:sir|madam|sir or madam|all)|"
        + @"добр(?:ий|ого) (?:день|дня|ранку|вечір|вечора)|добридень|вітаю|привіт(?:ик)?|здрастуйте|"
        + @"добр(?:ый|ого|ое) (?:день|дня|утро|вечер|времени суток)|здравствуйте|здрасте|приветствую|привет(?:ик)?)"
        + @"(?:\s+(?:panie|pani|pa[nń]stwa|pa[nń]stwu|asystencie|wszystkim|all|everyone|sir|madam|всім|всем|асистенте|ассистент))?)(?![\p{L}\p{N}])[\s,.!:;)-]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opening();
}

using System.Text.RegularExpressions;

namespace Asystent.Bot.Conversation;

/// <summary>A plain "yes" or "no" typed instead of pressing a button, in any of the four languages; shared by every dialogue that asks.</summary>
internal static partial class ShortAnswers
{
    public static bool IsYes(string text) => YesWords().IsMatch(text.Trim()) || YesFirst().IsMatch(text.Trim());

    public static bool IsNo(string text) => NoWords().IsMatch(text.Trim());

    [GeneratedRegex(@"^(tak|ok|okej|dobrze|poproszę|prosz[eę]|potwierdzam|yes|yes please|sure|ok please|confirm|так|да|ага|добре|хорошо)[!.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex YesWords();

    // "yes please, connect me", "tak, połącz proszę": a yes first, then a few words that do not take it back.
    [GeneratedRegex(@"^(tak|yes|так|да)[,!. ]+(?!.*\b(nie|no|not|ні|нет)\b)(\S+\s*){1,5}$", RegexOptions.IgnoreCase)]
    private static partial Regex YesFirst();

    [GeneratedRegex(@"^(nie|nie trzeba|no|no thanks|ні|нет|не надо|не треба)[!.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex NoWords();
}

using System.Text.RegularExpressions;

namespace Asystent.Bot.Conversation;

/// <summary>A plain "yes" or "no" typed instead of pressing a button, in any of the four languages; shared by every dialogue that asks.</summary>
internal static partial class ShortAnswers
{
    public static bool IsYes(string text) => YesWords().IsMatch(text.Trim());

    public static bool IsNo(string text) => NoWords().IsMatch(text.Trim());

    [GeneratedRegex(@"^(tak|ok|okej|dobrze|poproszę|prosz[eę]|potwierdzam|yes|yes please|sure|ok please|confirm|так|да|ага|добре|хорошо)[!.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex YesWords();

    [GeneratedRegex(@"^(nie|nie trzeba|no|no thanks|ні|нет|не надо|не треба)[!.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex NoWords();
}

using System.Text.RegularExpressions;

namespace Asystent.Bot.Conversation;

/// <summary>
/// Identity numbers typed without need: a Polish ID card (three letters and six digits, "ABC123456")
/// or passport number (two letters and seven digits). A PESEL is found by the interpreter; either
/// gets a short note that the number is not needed here.
/// </summary>
internal static partial class PersonalDataNote
{
    public static bool HasIdentityNumber(string text) => IdentityDocument().IsMatch(text) || PeselNamed().IsMatch(text);

    /// <summary>The message without the number and the words that introduce it ("mój PESEL to …"), so it does not steer the search.</summary>
    public static string Without(string text) => Introduced().Replace(text, " ").Trim(' ', ',', '.', '-', ':');

    [GeneratedRegex(@"(?i)(?:(?:m[óo]j|moj|my|мій|мой|nr|no\.?|number|numer|номер)\s+)?(?:pesel|песель|dowodu|dowod(?:u)? osobist\w*|id card(?: no\.?| number)?|паспорт\w*|passport(?: no\.?| number)?)?(?:\s+(?:is|to|це|это|:|-))?\s*(?:\d{11}|[A-Za-z]{3}\s?\d{6}|[A-Za-z]{2}\s?\d{7})(?![\p{L}\d])")]
    private static partial Regex Introduced();

    // Eleven digits that the person calls a PESEL, even with a wrong check digit.
    [GeneratedRegex(@"(?i)pesel\D{0,20}\d{11}(?!\d)|(?<!\d)\d{11}\D{0,20}pesel|песель\D{0,20}\d{11}")]
    private static partial Regex PeselNamed();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:[A-Za-z]{3}\s?\d{6}|[A-Za-z]{2}\s?\d{7})(?![\p{L}\d])")]
    private static partial Regex IdentityDocument();
}

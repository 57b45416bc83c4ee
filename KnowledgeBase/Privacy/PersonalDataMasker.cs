using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Entities;

namespace Asystent.KnowledgeBase.Privacy;

/// <summary>
/// Masks personal data in free text before it is logged or stored: PESEL numbers, phone numbers,
/// e-mail addresses, office reference numbers, and the codes that unlock a case or a visit (the
/// receipt's verification code, a visit code). Masking keeps the kind of data visible
/// ("[PESEL]") so staff reading a log still understand what the resident wrote.
/// </summary>
public static partial class PersonalDataMasker
{
    public static string Mask(string text)
    {
        var masked = ParticularPatterns.Email().ReplaceAll(text, "[e-mail]");
        masked = ParticularPatterns.CaseNumber().ReplaceAll(masked, "[znak sprawy]");
        masked = Pesel().ReplaceAll(masked, "[PESEL]");
        masked = ParticularPatterns.Phone().ReplaceAll(masked, "[telefon]");
        masked = Code().ReplaceAll(masked, "[kod]");
        return masked;
    }

    // Letters mixed with digits (6 to 16 of them, "7KQ2MX"), a visit code ("K7M4-XQ3H"), or six to
    // eight digits: the shapes of the codes a receipt or a booking gives. Ordinary words have no digits.
    [GeneratedRegex(@"(?<![\p{L}\d-])(?:(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{6,16}|[A-Za-z\d]{4}-[A-Za-z\d]{4}|\d{6,8})(?![\p{L}\d-])")]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<!\d)\d{11}(?!\d)")]
    private static partial Regex Pesel();

}

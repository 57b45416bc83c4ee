using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.Privacy;

/// <summary>
/// Masks personal data in free text before it is logged or stored: PESEL numbers, phone numbers,
/// e-mail addresses and office reference numbers. Masking keeps the kind of data visible
/// ("[PESEL]") so staff reading a log still understand what the resident wrote.
/// </summary>
public static partial class PersonalDataMasker
{
    public static string Mask(string text)
    {
        var masked = Email().Replace(text, "[e-mail]");
        masked = CaseNumber().Replace(masked, "[znak sprawy]");
        masked = Pesel().Replace(masked, "[PESEL]");
        masked = Phone().Replace(masked, "[telefon]");
        return masked;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[A-Za-z]{1,6}\s*\.\s*\d{3,4}\s*\.\s*\d{1,6}\s*\.\s*\d{4}\b")]
    private static partial Regex CaseNumber();

    [GeneratedRegex(@"(?<!\d)\d{11}(?!\d)")]
    private static partial Regex Pesel();

    [GeneratedRegex(@"(?<![\w])(\+?48[\s-]?)?(\d[\s-]?){8}\d(?![\w])")]
    private static partial Regex Phone();
}

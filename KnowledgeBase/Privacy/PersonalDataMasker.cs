using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Entities;

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
        var masked = ParticularPatterns.Email().Replace(text, "[e-mail]");
        masked = ParticularPatterns.CaseNumber().Replace(masked, "[znak sprawy]");
        masked = Pesel().Replace(masked, "[PESEL]");
        masked = ParticularPatterns.Phone().Replace(masked, "[telefon]");
        return masked;
    }



    [GeneratedRegex(@"(?<!\d)\d{11}(?!\d)")]
    private static partial Regex Pesel();

}

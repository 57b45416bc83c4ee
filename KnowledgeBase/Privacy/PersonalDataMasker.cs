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
        var masked = ParticularPatterns.Email().ReplaceAll(text, "[e-mail]");
        masked = ParticularPatterns.CaseNumber().ReplaceAll(masked, "[znak sprawy]");
        masked = Pesel().ReplaceAll(masked, "[PESEL]");
        masked = ParticularPatterns.Phone().ReplaceAll(masked, "[telefon]");
        return masked;
    }



    [GeneratedRegex(@"(?<!\d)\d{11}(?!\d)")]
    private static partial Regex Pesel();

}

using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Asystent.KnowledgeBase.Entities;

/// <summary>Phone numbers (Polish formats by default, via libphonenumber) and e-mail addresses.</summary>
public static partial class ContactRecognizer
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The first valid phone number in E.164 form ("+48600123456"), or null.</summary>
    public static string? FindPhone(string text)
    {
        // Case numbers and PESELs are digit runs too; they are not phone numbers.
        var cleaned = Pesel.MaskAll(ParticularPatterns.CaseNumber().Replace(text, " "));
        foreach (var match in Phones.FindNumbers(cleaned, "PL"))
        {
            if (Phones.IsValidNumber(match.Number))
            {
                return Phones.Format(match.Number, PhoneNumberFormat.E164);
            }
        }

        return null;
    }

    public static string? FindEmail(string text) => ParticularPatterns.Email().Match(text) is { Success: true } m ? m.Value.ToLowerInvariant() : null;


}

/// <summary>PESEL numbers: recognised only so they can be masked, never stored or returned.</summary>
public static partial class Pesel
{
    private static readonly int[] Weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

    public static bool Contains(string text) => Candidate().Matches(text).Any(m => IsValid(m.Value));

    public static string MaskAll(string text) => Candidate().Replace(text, m => IsValid(m.Value) ? "[PESEL]" : m.Value);

    /// <summary>Checks the PESEL check digit, so that eleven random digits are not taken for one.</summary>
    public static bool IsValid(string digits)
    {
        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        return (10 - sum % 10) % 10 == digits[10] - '0';
    }

    [GeneratedRegex(@"(?<!\d)\d{11}(?!\d)")]
    private static partial Regex Candidate();
}

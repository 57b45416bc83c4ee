using System.Text;
using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.Privacy;

/// <summary>
/// Masks personal data in free text before it is logged or stored (transcripts, search records,
/// analytics, logs): e-mail addresses (also written "jan(at)example.com"), office case numbers with any
/// separator, identity document numbers, PESEL and other long numbers however grouped, phone numbers
/// in Polish and international forms, visit codes and the codes that unlock a case. Masking keeps the
/// kind of data visible ("[PESEL]") so staff reading a record still understand what was written.
/// Dates, times, amounts, room and article numbers, years and form names are left alone, and so are
/// the office's own published numbers and addresses when <see cref="PublicContacts"/> are given.
/// Thread-safe: only immutable compiled patterns.
/// </summary>
public static class PersonalDataMasker
{
    public const string EmailMask = "[e-mail]";
    public const string CaseNumberMask = "[znak sprawy]";
    public const string PeselMask = "[PESEL]";
    public const string PhoneMask = "[telefon]";
    public const string NumberMask = "[numer]";
    public const string DocumentMask = "[numer dokumentu]";
    public const string CodeMask = "[kod]";

    public static string Mask(string text) => Mask(text, PublicContacts.None);

    /// <summary>Masks <paramref name="text"/>, keeping the office's own numbers and addresses in <paramref name="keep"/>.</summary>
    public static string Mask(string text, PublicContacts keep)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keep);
        if (text.Length == 0)
        {
            return text;
        }

        var masked = MaskingPatterns.Email().Replace(text, m => keep.IsPublicEmail(m.Value) ? m.Value : EmailMask);
        masked = MaskingPatterns.CaseNumber().Replace(masked, CaseNumberMask);
        masked = MaskingPatterns.BankAccount().Replace(masked, NumberMask);
        masked = MaskingPatterns.DocumentNumber().Replace(masked, DocumentMask);
        masked = MaskingPatterns.VisitCode().Replace(masked, m => m.Value.Any(char.IsAsciiDigit) ? CodeMask : m.Value);
        masked = MaskingPatterns.NumberRun().Replace(masked, m => MaskRun(m.Value, keep));
        return MaskingPatterns.ReceiptCode().Replace(masked, CodeMask);
    }

    // A run may hold dates beside numbers ("03.12.2026 600 100 200"): dates stay, and what lies
    // between them is judged on its own.
    private static string MaskRun(string run, PublicContacts keep)
    {
        var dates = MaskingPatterns.Date().Matches(run);
        if (dates.Count == 0)
        {
            return MaskNumber(run, keep);
        }

        var result = new StringBuilder(run.Length);
        var at = 0;
        foreach (Match date in dates)
        {
            result.Append(MaskNumber(run[at..date.Index], keep)).Append(date.Value);
            at = date.Index + date.Length;
        }

        return result.Append(MaskNumber(run[at..], keep)).ToString();
    }

    private static string MaskNumber(string part, PublicContacts keep)
    {
        var digits = part.Count(char.IsAsciiDigit);
        if (digits < 9 || keep.IsPublicPhone(part))
        {
            return part;
        }

        // Keep the separators around the number ("… 600 100 200 …" split by dates keeps its spaces).
        var start = 0;
        while (start < part.Length && !char.IsAsciiDigit(part[start]) && part[start] is not '+' and not '(')
        {
            start++;
        }

        var end = part.Length;
        while (end > start && !char.IsAsciiDigit(part[end - 1]) && part[end - 1] != ')')
        {
            end--;
        }

        var core = part[start..end];
        var international = core.StartsWith('+') || core.StartsWith("00", StringComparison.Ordinal) || core.StartsWith('(');
        var label = international ? PhoneMask
            : digits == 11 ? PeselMask
            : digits == 9 || (digits == 10 && core.StartsWith('0')) ? PhoneMask
            : NumberMask;
        return part[..start] + label + part[end..];
    }
}

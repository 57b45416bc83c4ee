using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>Phone numbers (written as "+48 NN NNN NN NN", as _office.yaml has them) and e-mail addresses found in the document.</summary>
public sealed record ImportedContact(IReadOnlyList<string> Phones, IReadOnlyList<string> Emails)
{
    public bool IsEmpty => Phones.Count == 0 && Emails.Count == 0;
}

/// <summary>Finds Polish phone numbers ("tel. 33 800 10 40", "(33) 800-10-40", "+48 600 100 200") and e-mail addresses.</summary>
internal static partial class CardContactReader
{
    public static ImportedContact Read(IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines);
        var phones = Phone().Matches(text)
            .Select(m => Digits().Replace(m.Groups["number"].Value, ""))
            .Where(d => d.Length == 9)
            .Select(Format)
            .Distinct()
            .ToList();
        var emails = Email().Matches(text).Select(m => m.Value.TrimEnd('.').ToLowerInvariant()).Distinct().ToList();
        return new ImportedContact(phones, emails);
    }

    /// <summary>Landlines as "+48 33 800 10 40" (area code first), mobiles as "+48 600 100 200".</summary>
    public static string Format(string nineDigits) => Mobile().IsMatch(nineDigits)
        ? $"+48 {nineDigits[..3]} {nineDigits[3..6]} {nineDigits[6..]}"
        : $"+48 {nineDigits[..2]} {nineDigits[2..5]} {nineDigits[5..7]} {nineDigits[7..]}";

    public static string DigitsOf(string phone)
    {
        var digits = Digits().Replace(phone, "");
        return digits.Length == 11 && digits.StartsWith("48", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    // Nine digits, optionally after +48 or 0048, grouped by spaces, hyphens or an area code in brackets;
    // not inside a longer number (an account number or a Dz.U. position).
    [GeneratedRegex(@"(?<![\d/])(?:(?:\+|00)48[\s-]?)?(?<number>\(?\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}|\d{3}[\s-]\d{3}[\s-]\d{3})(?![\d/])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\D")]
    private static partial Regex Digits();

    // Mobile prefixes per the national numbering plan; every other number starts with a two-digit area code.
    [GeneratedRegex(@"^(45|50|51|53|57|60|66|69|72|73|78|79|88)")]
    private static partial Regex Mobile();
}

using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.Privacy;

/// <summary>
/// The shapes of personal data as residents actually type or say them, wider than the shapes entity
/// recognition accepts (<see cref="Entities.ParticularPatterns"/>): masking must also catch a case
/// number with slashes, an e-mail written "jan(at)example.com" or a PESEL split into groups, where a
/// miss leaks data and an extra mask only hides a little of a question.
/// </summary>
internal static partial class MaskingPatterns
{
    // "jan@example.com", "jan @ example.com", "jan(at)example.com", "jan [at] example [dot] com",
    // "jan at example dot com", "jan małpa example kropka pl", "jan собака example точка ua".
    private const string At = @"(?:\s*@\s*|\s*[(\[{<]\s*(?:at|@|małpa|malpa|собака|равлик)\s*[)\]}>]\s*|\s+(?:at|małpa|malpa|собака|собачка|равлик)\s+)";
    private const string Dot = @"(?:\.|\s+\.\s+|\s*[(\[{<]\s*(?:dot|kropka|точка|крапка)\s*[)\]}>]\s*|\s+(?:dot|kropka|точка|крапка)\s+)";
    private const string Label = @"[\p{L}\d_%+-]+";

    [GeneratedRegex($@"(?<![\p{{L}}\d._%+-]){Label}(?:{Dot}{Label})*{At}{Label}(?:{Dot}{Label})*{Dot}\p{{L}}{{2,}}(?![\p{{L}}\d-])", RegexOptions.IgnoreCase)]
    public static partial Regex Email();

    // A case number with any separator ("KT.5410.123.2026", "KT 5410 123 2026", "KT-5410-123-2026",
    // "KT/5410/123/2026", "kt kropka 5410 kropka 123 kropka 2026"), letters or digits spoken one by one
    // ("K T 5 4 1 0 ..."). The year (19xx/20xx) anchors the end, so ordinary numbers rarely fit.
    private const string CaseSeparator = @"(?:\s*[.\-/_,:|\\]\s*|\s+|\s*\b(?:kropka|dot|point|slash|łamane\s+przez|ukośnik|точка|крапка|слеш)\b\s*)";

    [GeneratedRegex($@"(?<![\p{{L}}\d])(?:[A-Za-z]{{1,6}}|[A-Za-z](?:[ ][A-Za-z]){{1,5}})(?![A-Za-z]){CaseSeparator}?\d(?:[ ]?\d){{2,3}}{CaseSeparator}\d(?:[ ]?\d){{0,5}}{CaseSeparator}[12][ ]?[09](?:[ ]?\d){{2}}(?!\d)", RegexOptions.IgnoreCase)]
    public static partial Regex CaseNumber();

    // An identity card ("ABC 123456", "ABC 123 456", "abc123456"), a passport ("EA 1234567", "FA123456"):
    // two or three letters and six or seven digits. Spaced only in capitals, so "na 600 100 200" stays a phone.
    [GeneratedRegex(@"(?<![\p{L}\d-])(?:[A-Z]{2,3}[ \-]?\d(?:[ ]?\d){5,6}|[A-Za-z]{2,3}-?\d{6,7})(?![\p{L}\d]|[ .,/-]\d)")]
    public static partial Regex DocumentNumber();

    // A bank account in IBAN form ("PL61 1090 1014 0000 0712 1981 2874").
    [GeneratedRegex(@"(?<![\p{L}\d])[A-Za-z]{2}\d{2}(?:[ ]?\d{4}){3,7}(?:[ ]?\d{1,4})?(?!\d)")]
    public static partial Regex BankAccount();

    // A visit code ("K7M4-XQ3H", "K7M4 XQ3H", "k7m4xq3h") in the booking code's alphabet, with a digit in it.
    [GeneratedRegex(@"(?<![\p{L}\d-])[ACDEFGHJKMNPQRTUVWXY3479]{4}[ \-]?[ACDEFGHJKMNPQRTUVWXY3479]{4}(?![\p{L}\d-])", RegexOptions.IgnoreCase)]
    public static partial Regex VisitCode();

    // A run of digits in groups (spaces, dashes, dots, slashes, brackets), with an optional "+" or "00"
    // and a bracketed prefix: phones, PESEL, NIP, account numbers. How many digits it has decides
    // whether and how it is masked (NumberRun.Label); a run never swallows a time ("10:30") or a
    // decimal ("161,50").
    [GeneratedRegex(@"(?<![\p{L}\d+.,/:\-])(?:\+\s?|00)?(?:\(\s*\+?\d{1,4}\s*\)\s?)?\d+(?:(?:[ \u00A0]|[ ]?[\-./][ ]?)\(?\d+\)?)*(?![\p{L}\d]|[.,:/\-]\d)")]
    public static partial Regex NumberRun();

    // Dates inside a run of digits ("03.12.2026", "2026-12-03", "3/12/2026"): never personal data, and
    // they split a run so "03.12.2026 600100200" still masks the phone.
    // A date is not part of a longer group of numbers ("85.03.12.01.234" is a PESEL), except a range ("01.12.2026-31.12.2026").
    [GeneratedRegex(@"(?<!\d|\d[./])(?:(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:\d{4}|\d{2})|(?:19|20)\d{2}[./-](?:0?[1-9]|1[0-2])[./-](?:0?[1-9]|[12]\d|3[01]))(?!\d|[./]\d|-\d(?!\d?[./]\d))")]
    public static partial Regex Date();

    // Letters mixed with digits (6 to 16 of them, "7KQ2MX") or six to eight digits: the shapes of the
    // verification code on a case receipt. Ordinary words have no digits.
    [GeneratedRegex(@"(?<![\p{L}\d-])(?:(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{6,16}|\d{6,8})(?![\p{L}\d-])")]
    public static partial Regex ReceiptCode();
}

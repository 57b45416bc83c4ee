using System.Net.Mail;
using PhoneNumbers;

namespace Asystent.KnowledgeBase.Appointments;

/// <summary>
/// How to reach the person who booked: a phone number (validated by libphonenumber, Polish numbers
/// without a country code) or an e-mail address. The same contact proves who may cancel or move.
/// </summary>
public sealed record ContactDetails(string? Phone, string? Email)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Validates what was given; exactly one of the two is expected, and a phone wins when both are.</summary>
    public static (ContactDetails? Contact, string? Problem) Parse(string? phone, string? email)
    {
        if (!string.IsNullOrWhiteSpace(phone))
        {
            return NormalizePhone(phone) is { } e164
                ? (new ContactDetails(e164, null), null)
                : (null, "phone: not a valid phone number (a Polish number, or an international one starting with +)");
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            return NormalizeEmail(email) is { } address
                ? (new ContactDetails(null, address), null)
                : (null, "email: not a valid e-mail address");
        }

        return (null, "phone or email: give a phone number or an e-mail address");
    }

    public static string? NormalizePhone(string text)
    {
        try
        {
            var number = Phones.Parse(text.Trim(), "PL");
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string? NormalizeEmail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 254 && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal)
            ? trimmed.ToLowerInvariant()
            : null;
    }

    /// <summary>"+48 600 123 456": a stored number as people read it.</summary>
    public static string Readable(string e164)
    {
        try
        {
            return Phones.Format(Phones.Parse(e164, "PL"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    public bool Matches(AppointmentRecord appointment) =>
        Phone is not null ? appointment.Phone == Phone : Email is not null && appointment.Email == Email;

    /// <summary>For logs and read-backs: "+48 *** *** 789", "j***@example.com".</summary>
    public string Masked() => Phone is { Length: > 3 } p ? $"{p[..3]} *** *** {p[^3..]}"
        : Email is { } e && e.IndexOf('@', StringComparison.Ordinal) is > 0 and var at ? $"{e[0]}***{e[at..]}"
        : "***";
}

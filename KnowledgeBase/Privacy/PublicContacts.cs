using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Privacy;

/// <summary>
/// The office's own phone numbers and e-mail addresses, as its cards publish them. They are not a
/// resident's personal data, so a question that quotes one ("is +48 33 800 10 40 the right number?")
/// keeps it in search records and the gaps list. Compared by digits (last nine) and by lower-cased address.
/// </summary>
public sealed class PublicContacts
{
    public static readonly PublicContacts None = new([], []);

    private readonly HashSet<string> phones;
    private readonly HashSet<string> emails;

    public PublicContacts(IEnumerable<string> phones, IEnumerable<string> emails)
    {
        this.phones = phones.Select(Key).Where(k => k.Length >= 9).ToHashSet(StringComparer.Ordinal);
        this.emails = emails.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The numbers and addresses of the office and every unit in the directory.</summary>
    public static PublicContacts Of(OfficeDirectory office)
    {
        ArgumentNullException.ThrowIfNull(office);
        var phones = office.Units.Select(u => u.Phone).Append(office.Phone).OfType<string>();
        var emails = office.Units.Select(u => u.Email).OfType<string>();
        return new PublicContacts(phones, emails);
    }

    public bool IsPublicPhone(string written) => phones.Count > 0 && phones.Contains(Key(written));

    public bool IsPublicEmail(string written) => emails.Count > 0 && emails.Contains(written.Trim().ToLowerInvariant());

    // The national part: "+48 33 800 10 40", "0048338001040" and "33 800 10 40" are the same number.
    private static string Key(string written)
    {
        var digits = new string(written.Where(char.IsAsciiDigit).ToArray());
        return digits.Length > 9 ? digits[^9..] : digits;
    }
}

using System.Security.Cryptography;

namespace Asystent.KnowledgeBase.Appointments;

/// <summary>
/// The code a person gets for their visit: eight characters in two groups ("K7M4-XQ3H"), random
/// (24^8, about 10^11 codes) and drawn from letters and digits that cannot be confused when read
/// aloud or copied by hand (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
/// </summary>
public static class BookingCode
{
    private const string Alphabet = "ACDEFGHJKMNPQRTUVWXY3479";

    public static string New()
    {
        Span<char> code = stackalloc char[9];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }

    /// <summary>A random token for links (the calendar file), URL-safe.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The code as typed ("k7m4 xq3h", "K7M4XQ3H") in its stored form, or null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var letters = new string(typed.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return letters.Length == 8 && letters.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? $"{letters[..4]}-{letters[4..]}" : null;
    }
}

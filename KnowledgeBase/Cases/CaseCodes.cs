using System.Security.Cryptography;
using System.Text;

namespace Asystent.KnowledgeBase.Cases;

/// <summary>
/// The verification code printed on the applicant's receipt, kept as a salted PBKDF2 hash: a leaked
/// database does not hand out codes, and checking a wrong code costs the same as checking a right one.
/// </summary>
public static class CaseCodes
{
    private const int Iterations = 10_000;

    /// <summary>The code as typed ("ab-12 cd") in its compared form ("AB12CD").</summary>
    public static string Normalize(string code) => new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static (string Hash, string Salt) Protect(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Hash(code, salt), Convert.ToBase64String(salt));
    }

    /// <summary>The hash of the code's keypad form (letters as their keys), with the case's salt.</summary>
    public static string ProtectKeypad(string code, string salt) => Hash(Entities.Keypad.Digits(Normalize(code)), Convert.FromBase64String(salt));

    /// <summary>Whether keys entered on a phone match the code: its keypad form, or the code itself when it has only digits.</summary>
    public static bool MatchesKeypad(string keys, string hash, string salt, string? keypadHash) =>
        Matches(keys, hash, salt) | (keypadHash is not null && Matches(keys, keypadHash, salt));

    public static bool Matches(string code, string hash, string salt) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(Hash(code, Convert.FromBase64String(salt))), Convert.FromBase64String(hash));

    /// <summary>The work of a check against nothing: an unknown case number takes as long to refuse as a wrong code.</summary>
    public static void Waste(string code) => Hash(code, new byte[16]);

    private static string Hash(string code, byte[] salt) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(code)), salt, Iterations, HashAlgorithmName.SHA256, 32));
}

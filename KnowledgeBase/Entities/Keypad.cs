namespace Asystent.KnowledgeBase.Entities;

/// <summary>
/// Letters as a phone keypad types them (ITU E.161: ABC 2, DEF 3, GHI 4, JKL 5, MNO 6, PQRS 7, TUV 8,
/// WXYZ 9), so a caller can enter a code of letters and digits with the keys alone.
/// </summary>
public static class Keypad
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Keys = "22233344455566677778889999";

    /// <summary>The keys that type <paramref name="code"/>; characters other than letters and digits are left out.</summary>
    public static string Digits(string code) => new(code
        .Where(char.IsAsciiLetterOrDigit)
        .Select(c => char.IsAsciiDigit(c) ? c : Keys[Letters.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal)])
        .ToArray());

    /// <summary>What a caller entered, without the keys that only separate or end ("*", "#").</summary>
    public static string Entered(string keys) => new(keys.Where(char.IsAsciiDigit).ToArray());
}

using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>Building, floor, room and desk as the place section gives them; null where it says nothing.</summary>
internal sealed record ImportedPlace(string? Building, int? Floor, string? Room, string? Window);

/// <summary>
/// Reads "budynek A, II piętro, pokój 12" or "parter, stanowiska 4-8" from the place section. Rooms and
/// desks are kept as numbers or ranges (the card format's rule); a range gets an en dash as the cards use.
/// </summary>
internal static partial class CardPlaceReader
{
    public static ImportedPlace Read(string text)
    {
        string? building = Building().Match(text) is { Success: true } b ? b.Groups[1].Value.ToUpperInvariant() : null;
        int? floor = null;
        if (GroundFloor().IsMatch(text))
        {
            floor = 0;
        }
        else if (Floor().Match(text) is { Success: true } f)
        {
            floor = ParseFloor(f.Groups["n"].Success ? f.Groups["n"].Value : f.Groups["m"].Value);
        }
        else if (Basement().IsMatch(text))
        {
            floor = -1;
        }

        var room = Room().Match(text) is { Success: true } r ? Range(r.Groups[1].Value) : null;
        var window = Window().Match(text) is { Success: true } w ? Range(w.Groups[1].Value) : null;
        return new ImportedPlace(building, floor, room, window);
    }

    private static int? ParseFloor(string value) => value.ToUpperInvariant() switch
    {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        "V" => 5,
        "VI" => 6,
        _ => int.TryParse(value, out var n) ? n : null,
    };

    private static string Range(string value) => Dash().Replace(value, "–");

    [GeneratedRegex(@"\b(?i:budyn(?:ek|ku|ki))\s+(?:nr\s*)?([A-Z0-9]{1,3})\b(?!\s*\p{Ll})")]
    private static partial Regex Building();

    [GeneratedRegex(@"\b(parter(?:ze)?|przyziemi\p{L}*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GroundFloor();

    [GeneratedRegex(@"\b(?:(?<n>[1-9]|I{1,3}|IV|VI?)\s*\.?\s*piętr\p{L}*|piętr\p{L}*\s+(?:nr\s*)?(?<m>[1-9]|I{1,3}|IV|VI?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Floor();

    [GeneratedRegex(@"\b(piwnic\p{L}*|suteren\p{L}*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Basement();

    [GeneratedRegex(@"\b(?:pok(?:ój|oju|oje|oi)?\.?|sala|sali)\s*(?:nr\.?\s*)?(\d{1,4}[a-zA-Z]?(?:\s*[-–]\s*\d{1,4}[a-zA-Z]?)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Room();

    [GeneratedRegex(@"\b(?:stanowisk\p{L}*|okien(?:ko|ka|ku|ek)|kas[aie])\s*(?:nr\.?\s*)?(\d{1,3}(?:\s*[-–]\s*\d{1,3})?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Window();

    [GeneratedRegex(@"\s*[-–]\s*")]
    private static partial Regex Dash();
}

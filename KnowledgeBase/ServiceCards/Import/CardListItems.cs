using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// Turns a section's lines into list items (documents, legal acts, steps). Items start at bullets or
/// numbers; a line without one continues the item above when that item was cut by the page width (a
/// long line not ending a sentence, followed by a lower-case start), else it is an item of its own.
/// </summary>
internal static partial class CardListItems
{
    // Lines a PDF wrapped at the page width are long; a short line ended where its author ended it.
    private const int WrappedLineLength = 60;

    /// <param name="lines">The section's lines.</param>
    /// <param name="wrapped">True for PDF text, where a long paragraph arrives as several lines; a DOCX line is a whole paragraph.</param>
    public static List<string> Read(IEnumerable<string> lines, bool wrapped)
    {
        var items = new List<string>();
        var lastHadBullet = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var bullet = Bullet().Match(line);
            if (bullet.Success)
            {
                items.Add(line[bullet.Length..].Trim());
                lastHadBullet = true;
                continue;
            }

            var previous = items.Count > 0 ? items[^1] : null;
            // A capital after a short bulleted item starts a new paragraph ("Wpłaty można dokonać…");
            // after a long one it may be a proper noun the page width pushed down ("…do Samorządowego" / "Kolegium…").
            var continues = wrapped && previous is not null && !EndsSentence(previous)
                && (char.IsLower(line[0]) || char.IsDigit(line[0]) || line[0] == '(' || previous.Length >= WrappedLineLength)
                && (lastHadBullet || previous.Length >= WrappedLineLength);
            if (continues)
            {
                // A line ending in a compound's hyphen ("kupna-" + "sprzedaży") goes on without a space.
                items[^1] = previous!.EndsWith('-') && !previous.EndsWith(" -", StringComparison.Ordinal)
                    ? previous + line
                    : previous + " " + line;
            }
            else
            {
                items.Add(line);
                lastHadBullet = false;
            }
        }

        return items.Select(Clean).Where(i => i.Length > 0 && !IsLeadIn(i)).ToList();
    }

    /// <summary>"1. Wniosek o rejestrację pojazdu;" → "Wniosek o rejestrację pojazdu": no bullet, no list punctuation at the end.</summary>
    public static string Clean(string item)
    {
        var text = Spaces().Replace(Bullet().Replace(item.Trim(), ""), " ").Trim().TrimEnd(';', ',').Trim();
        // A full stop ends the item unless it ends an abbreviation ("ze zm.", "poz.", "r.").
        if (text.EndsWith('.') && LastWord().Match(text) is { Success: true } word && word.Groups[1].Value.Length > 4)
        {
            text = text[..^1];
        }

        return text;
    }

    public static bool StartsWithBullet(string line) => Bullet().IsMatch(line.TrimStart());

    /// <summary>"Do wniosku należy dołączyć:" introduces the list; it is not an item.</summary>
    private static bool IsLeadIn(string item) => item.EndsWith(':');

    private static bool EndsSentence(string text) => text.EndsWith('.') || text.EndsWith(';') || text.EndsWith(':');

    [GeneratedRegex(@"^(?:[-–—•●▪■◦∙*·]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-z]\)|[IVX]{1,4}\.)\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(\p{L}+)\.$")]
    private static partial Regex LastWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

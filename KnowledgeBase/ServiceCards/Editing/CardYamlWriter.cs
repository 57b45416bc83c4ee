using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.ServiceCards.Editing;

/// <summary>
/// Writes a card in the format staff already know from content/cards: the same key order as the
/// existing files, texts in double quotes (so a ': ' inside a text never turns into a field), fee
/// descriptions on one line, languages in the order pl, en, uk, ru. Reading the written text back
/// gives a card equal to the one written (tested over every card in the repository).
/// </summary>
public static partial class CardYamlWriter
{
    private static readonly string[] LanguageOrder = ["pl", "en", "uk", "ru"];

    public static string Write(ServiceCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var y = new StringBuilder();
        y.Append("id: ").Append(Word(card.Id)).Append('\n');
        y.Append("kind: ").Append(card.Kind == CardKind.Redirect ? "redirect" : "service").Append('\n');
        y.Append("unit: ").Append(Word(card.Unit)).Append('\n');
        if (card.BookingQueue is { } queue)
        {
            y.Append("booking_queue: ").Append(Word(queue)).Append('\n');
        }

        if (card.Where is { } where)
        {
            y.Append("where:\n");
            Scalar(y, 1, "building", where.Building);
            if (where.Floor is { } floor)
            {
                y.Append("  floor: ").Append(floor.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            Scalar(y, 1, "room", where.Room);
            Scalar(y, 1, "window", where.Window);
            Text(y, 1, "note", where.Note);
            if (where.Building is null && where.Floor is null && where.Room is null && where.Window is null && where.Note.Count == 0)
            {
                y.Length -= "where:\n".Length;
                y.Append("where: {}\n");
            }
        }

        Text(y, 0, "title", card.Title);
        Text(y, 0, "summary", card.Summary);
        List(y, "steps", card.Steps);
        List(y, "documents", card.Documents);
        Fees(y, "fees", card.Fees);
        Fees(y, "fines", card.Fines);
        Text(y, 0, "payment", card.Payment);
        Text(y, 0, "deadline", card.Deadline);
        if (card.Redirect is { } redirect)
        {
            y.Append("redirect:\n");
            Text(y, 1, "office", redirect.Office);
            Text(y, 1, "why", redirect.Why);
            Scalar(y, 1, "url", redirect.Url);
        }

        Strings(y, "legal_basis", card.LegalBasis, quoted: true);
        if (card.Online is { } online)
        {
            y.Append("online:\n");
            Scalar(y, 1, "url", online.Url);
            Text(y, 1, "text", online.Text);
        }

        List(y, "keywords", card.Keywords);
        Strings(y, "related", card.Related, quoted: false);
        if (card.Verified is { } verified)
        {
            y.Append("verified:\n");
            if (verified.Date is { } date)
            {
                y.Append("  date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            }

            if (verified.Sources.Count > 0)
            {
                y.Append("  sources:\n");
                foreach (var source in verified.Sources)
                {
                    y.Append("    - ").Append(Quote(source)).Append('\n');
                }
            }
        }

        return y.ToString();
    }

    private static void Scalar(StringBuilder y, int depth, string key, string? value)
    {
        if (value is not null)
        {
            y.Append(' ', depth * 2).Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
    }

    private static void Text(StringBuilder y, int depth, string key, LocalizedText text)
    {
        if (text.Count == 0)
        {
            return;
        }

        y.Append(' ', depth * 2).Append(key).Append(":\n");
        foreach (var (language, value) in Ordered(text))
        {
            y.Append(' ', (depth + 1) * 2).Append(Word(language)).Append(": ").Append(Quote(value ?? "")).Append('\n');
        }
    }

    private static void List(StringBuilder y, string key, LocalizedList list)
    {
        if (list.Count == 0)
        {
            return;
        }

        y.Append(key).Append(":\n");
        foreach (var (language, items) in Ordered(list))
        {
            if (items is not { Count: > 0 })
            {
                y.Append("  ").Append(Word(language)).Append(": []\n");
                continue;
            }

            y.Append("  ").Append(Word(language)).Append(":\n");
            foreach (var item in items)
            {
                y.Append("    - ").Append(Quote(item)).Append('\n');
            }
        }
    }

    private static void Strings(StringBuilder y, string key, List<string> values, bool quoted)
    {
        if (values.Count == 0)
        {
            return;
        }

        y.Append(key).Append(":\n");
        foreach (var value in values)
        {
            y.Append("  - ").Append(quoted ? Quote(value) : Word(value)).Append('\n');
        }
    }

    private static void Fees(StringBuilder y, string key, List<CardFee> fees)
    {
        if (fees.Count == 0)
        {
            return;
        }

        y.Append(key).Append(":\n");
        foreach (var fee in fees)
        {
            y.Append("  - amount: ").Append(fee.Amount.ToString(CultureInfo.InvariantCulture)).Append('\n');
            if (fee.Optional)
            {
                y.Append("    optional: true\n");
            }

            if (fee.Instead)
            {
                y.Append("    instead: true\n");
            }

            if (fee.For.Count > 0)
            {
                // One line, as the existing cards write it: the four translations of a fee read side by side.
                y.Append("    for: { ").Append(string.Join(", ", Ordered(fee.For).Select(p => $"{Word(p.Key)}: {Quote(p.Value ?? "")}"))).Append(" }\n");
            }

            Scalar(y, 2, "basis", fee.Basis);
            if (fee.Since is { } since)
            {
                y.Append("    since: ").Append(since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            }

            if (fee.Until is { } until)
            {
                y.Append("    until: ").Append(until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }

    // pl, en, uk, ru first, then anything else (a typo such as "ua" stays, so the validator can name it).
    private static IEnumerable<KeyValuePair<string, T>> Ordered<T>(Dictionary<string, T> values) =>
        values.OrderBy(p => Array.IndexOf(LanguageOrder, p.Key.ToLowerInvariant()) is var i and >= 0 ? i : LanguageOrder.Length)
            .ThenBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>A slug or code is written bare, as the existing cards do; anything else is quoted.</summary>
    private static string Word(string value) => BareWord().IsMatch(value) && !Reserved(value) ? value : Quote(value);

    private static bool Reserved(string value) =>
        value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "y" or "n" || value.All(char.IsAsciiDigit);

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped, everything else (Polish, Cyrillic) as it is.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => quoted.Append(@"\\"),
                '"' => quoted.Append("\\\""),
                '\n' => quoted.Append(@"\n"),
                '\r' => quoted.Append(@"\r"),
                '\t' => quoted.Append(@"\t"),
                '\u0085' => quoted.Append(@"\N"),
                '\u2028' => quoted.Append(@"\L"),
                '\u2029' => quoted.Append(@"\P"),
                _ when char.IsControl(c) || c == '\uFEFF' => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex BareWord();
}

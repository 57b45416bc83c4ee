using Asystent.KnowledgeBase.Privacy;

namespace Asystent.Bot.Conversation;

/// <summary>
/// The personal data a resident has typed in one conversation (their phone number, PESEL, e-mail…),
/// each with the mark the masker put in its place. The assistant's replies are stored as they were
/// sent, with the office's own phone numbers and addresses intact; only these values, when a reply
/// repeats them (a booking confirmation naming the resident's phone), are masked there too.
/// Thread-safe: the turns of a conversation run one at a time, but a clerk's message may meet a turn.
/// </summary>
public sealed class ResidentData
{
    // A conversation rarely holds more than a few; the bound keeps a hostile one from growing it.
    private const int MaxValues = 32;

    private readonly Lock gate = new();
    private readonly List<(string Value, string Mark)> values = [];

    /// <summary>Remembers what the masker replaced in <paramref name="original"/> to give <paramref name="masked"/>.</summary>
    public void Learn(string original, string masked)
    {
        Replaced(original, masked, out var found);
        lock (gate)
        {
            foreach (var (_, value, mark) in found)
            {
                if (values.Count < MaxValues && !values.Contains((value, mark)))
                {
                    values.Add((value, mark));
                }
            }
        }
    }

    /// <summary>
    /// The reply's text with the resident's own values masked; the same string when it holds none.
    /// A reply may write a value differently from how it was typed ("+48 600 700 800" for
    /// "600700800"), so the reply's personal data is found by the masker and compared by its letters
    /// and digits; what the resident did not type (the office's phone) stays as sent. When the
    /// masker's marks cannot be lined up with the reply, the whole masked reply is kept (never a leak).
    /// </summary>
    public string MaskIn(string reply)
    {
        string[] known;
        lock (gate)
        {
            if (values.Count == 0)
            {
                return reply;
            }

            known = values.Select(v => Key(v.Value)).ToArray();
        }

        var masked = PersonalDataMasker.Mask(reply);
        if (masked == reply)
        {
            return reply;
        }

        if (Replaced(reply, masked, out var spans) is false)
        {
            return masked;
        }

        var result = new System.Text.StringBuilder();
        var at = 0;
        foreach (var (start, value, mark) in spans)
        {
            var key = Key(value);
            var theirs = known.Any(k => k.Length >= 5 && key.Length >= 5 && (k.EndsWith(key, StringComparison.Ordinal) || key.EndsWith(k, StringComparison.Ordinal)));
            result.Append(reply, at, start - at).Append(theirs ? mark : value);
            at = start + value.Length;
        }

        return result.Append(reply, at, reply.Length - at).ToString();
    }

    // A value by its letters and digits only, lower case: "+48 600-700-800" and "600700800" compare by their ends.
    private static string Key(string value) => new(value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>
    /// The values the masker replaced: <paramref name="masked"/> is <paramref name="original"/> with
    /// some spans replaced by marks in brackets ("[telefon]"). Each value is found between the text
    /// both share, and checked by masking it alone, so a short anchor (a space) inside a value cannot
    /// cut it short. False when it cannot line everything up (<paramref name="found"/> then holds what it could).
    /// </summary>
    public static bool Replaced(string original, string masked, out List<(int Start, string Value, string Mark)> found)
    {
        found = [];
        var i = 0;
        var j = 0;
        while (j < masked.Length)
        {
            if (i < original.Length && original[i] == masked[j])
            {
                i++;
                j++;
                continue;
            }

            var close = masked[j] == '[' ? masked.IndexOf(']', j) : -1;
            if (close < 0)
            {
                return false;
            }

            var mark = masked[j..(close + 1)];
            var next = masked.IndexOf('[', close + 1);
            var anchor = masked[(close + 1)..(next < 0 ? masked.Length : next)];
            var end = anchor.Length == 0 ? (next < 0 ? original.Length : -1) : original.IndexOf(anchor, i + 1, StringComparison.Ordinal);
            while (end > i && anchor.Length > 0 && PersonalDataMasker.Mask(original[i..end]) != mark)
            {
                end = end + 1 < original.Length ? original.IndexOf(anchor, end + 1, StringComparison.Ordinal) : -1;
            }

            if (end <= i)
            {
                return false;
            }

            found.Add((i, original[i..end], mark));
            i = end;
            j = close + 1;
        }

        return i == original.Length;
    }
}

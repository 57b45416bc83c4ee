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
        var found = Replaced(original, masked);
        lock (gate)
        {
            foreach (var pair in found)
            {
                if (values.Count < MaxValues && !values.Contains(pair))
                {
                    values.Add(pair);
                }
            }
        }
    }

    /// <summary>The reply's text with the resident's own values masked; the same string when it holds none.</summary>
    public string MaskIn(string reply)
    {
        lock (gate)
        {
            foreach (var (value, mark) in values)
            {
                if (reply.Contains(value, StringComparison.Ordinal))
                {
                    reply = reply.Replace(value, mark, StringComparison.Ordinal);
                }
            }

            return reply;
        }
    }

    /// <summary>
    /// The values the masker replaced: <paramref name="masked"/> is <paramref name="original"/> with
    /// some spans replaced by marks in brackets ("[telefon]"). Each value is found between the text
    /// both share, and checked by masking it alone, so a short anchor (a space) inside a value cannot
    /// cut it short. Gives up (returning what it found) on anything it cannot align.
    /// </summary>
    public static List<(string Value, string Mark)> Replaced(string original, string masked)
    {
        var found = new List<(string, string)>();
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
                return found;
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
                return found;
            }

            found.Add((original[i..end], mark));
            i = end;
            j = close + 1;
        }

        return found;
    }
}

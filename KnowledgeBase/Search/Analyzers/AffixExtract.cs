using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// The affix file of a dictionary extract, without the suffix rules that can stem no word to one of
/// the extract's entries. Lucene compiles every rule's condition into an automaton when it opens a
/// dictionary, which was most of the time the extracts took at every start (issue 18); an extract
/// keeps a few thousand entries, and about half of the Polish and three quarters of the Ukrainian
/// suffix rules fit none of them.
/// </summary>
/// <remarks>
/// A suffix rule gives a stem only when the word with the suffix replaced by the rule's strip string is
/// an entry carrying the rule's flag (or, with a prefix too, that entry with the prefix still on) and
/// the rule's condition matches its end; a rule that fits no such string never gives a stem, so
/// leaving it out changes no stem and no order of stems. Prefix rules are all kept (the dictionaries
/// have a handful). A file using features this does not model (long or numeric flags, flag aliases,
/// rules that continue into other rules) is copied unchanged.
/// </remarks>
internal static class AffixExtract
{
    /// <summary>The lines of the affix file for an extract holding <paramref name="keptEntries"/> (lines of the .dic file).</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<string> affixLines, IEnumerable<string> keptEntries)
    {
        var entries = keptEntries.ToList();
        if (!CanTrim(affixLines) || entries.Any(e => e.Contains('\\', StringComparison.Ordinal)))
        {
            return affixLines; // an entry with an escaped '/' is not split here as Lucene splits it
        }

        var ignored = IgnoredCharacters(affixLines);
        var prefixes = Rules(affixLines, "PFX").ToList();
        var entriesByFlag = new Dictionary<char, List<string>>();
        foreach (var entry in entries)
        {
            var (word, flags) = Split(entry, ignored);
            var forms = new List<string> { word };
            // The same entry with a prefix it allows still on (the suffix is stripped first on that path).
            forms.AddRange(prefixes.Where(p => flags.Contains(p.Flag) && word.StartsWith(p.Strip, StringComparison.Ordinal))
                .Select(p => p.Add + word[p.Strip.Length..]));
            foreach (var flag in flags)
            {
                if (!entriesByFlag.TryGetValue(flag, out var list))
                {
                    entriesByFlag[flag] = list = [];
                }

                list.AddRange(forms);
            }
        }

        return Trim(affixLines, ignored, entriesByFlag);
    }

    private static List<string> Trim(IReadOnlyList<string> lines, string ignored, Dictionary<char, List<string>> entriesByFlag)
    {
        var output = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var header = Fields(lines[i]);
            if (header is not ["SFX", var flag, var cross, var count] || !int.TryParse(count, CultureInfo.InvariantCulture, out var n))
            {
                output.Add(lines[i]);
                continue;
            }

            var candidates = entriesByFlag.GetValueOrDefault(flag[0]) ?? [];
            var kept = lines.Skip(i + 1).Take(n).Where(rule => Fits(rule, ignored, candidates)).ToList();
            if (kept.Count > 0)
            {
                output.Add($"SFX {flag} {cross} {kept.Count.ToString(CultureInfo.InvariantCulture)}");
                output.AddRange(kept);
            }

            i += n;
        }

        return output;
    }

    private static bool Fits(string rule, string ignored, List<string> candidates)
    {
        var fields = Fields(rule);
        if (fields.Length < 5)
        {
            return true; // not a rule this understands: kept, as Lucene will read it
        }

        var strip = Without(fields[2] == "0" ? "" : fields[2], ignored);
        var condition = ConditionPattern(fields[4]);
        if (condition is null)
        {
            return true;
        }

        return candidates.Any(word => word.EndsWith(strip, StringComparison.Ordinal) && condition.IsMatch(word));
    }

    // Hunspell's condition (letters, '.', [abc], [^abc]) as a regular expression anchored at the end of
    // the word; null when it holds anything else, and the rule is then kept.
    private static Regex? ConditionPattern(string condition)
    {
        if (condition == ".")
        {
            return null;
        }

        var pattern = new StringBuilder();
        for (var i = 0; i < condition.Length; i++)
        {
            var c = condition[i];
            if (c == '.')
            {
                pattern.Append('.');
            }
            else if (c == '[')
            {
                var end = condition.IndexOf(']', i + 1);
                if (end < 0)
                {
                    return null;
                }

                var set = condition[(i + 1)..end];
                var negated = set.StartsWith('^');
                pattern.Append('[').Append(negated ? "^" : "");
                foreach (var member in negated ? set[1..] : set)
                {
                    pattern.Append(Regex.Escape(member.ToString()).Replace("-", "\\-", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal));
                }

                pattern.Append(']');
                i = end;
            }
            else if ("()|^$*+?{}\\".Contains(c, StringComparison.Ordinal))
            {
                return null; // Lucene reads conditions as its own regular expressions ("(^|[^бдз])[мпт]ерти")
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static bool CanTrim(IReadOnlyList<string> lines) =>
        !lines.Any(l => Fields(l) is ["FLAG", ..] or ["AF", ..] or ["COMPLEXPREFIXES", ..]
            || (Fields(l) is ["SFX" or "PFX", _, _, _, ..] rule && rule.Length >= 5 && rule[3].Contains('/', StringComparison.Ordinal)));

    private static IEnumerable<(char Flag, string Strip, string Add)> Rules(IReadOnlyList<string> lines, string kind)
    {
        foreach (var line in lines)
        {
            if (Fields(line) is var fields && fields.Length >= 5 && fields[0] == kind)
            {
                yield return (fields[1][0], fields[2] == "0" ? "" : fields[2], fields[3] == "0" ? "" : fields[3]);
            }
        }
    }

    // Lucene removes the IGNORE characters from entries and rules as it reads them.
    private static string IgnoredCharacters(IReadOnlyList<string> lines) =>
        string.Concat(lines.Select(Fields).Where(f => f is ["IGNORE", _]).Select(f => f[1]));

    private static (string Word, string Flags) Split(string entry, string ignored)
    {
        var text = entry.Trim();
        var end = text.IndexOfAny([' ', '\t']);
        if (end >= 0)
        {
            text = text[..end]; // morphological fields after the word are not part of it
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (Without(text, ignored), "") : (Without(text[..slash], ignored), text[(slash + 1)..]);
    }

    private static string Without(string text, string ignored) =>
        ignored.Length == 0 ? text : string.Concat(text.Where(c => !ignored.Contains(c, StringComparison.Ordinal)));

    private static string[] Fields(string line) => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}

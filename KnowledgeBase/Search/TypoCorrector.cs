using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// Suggests the index words closest to a word the index does not contain ("paszpot" → "paszport"),
/// by the symmetric-delete method: every indexed word is stored under the strings it becomes with
/// one or two letters deleted, so a lookup costs a few dictionary probes instead of Lucene's
/// FuzzyQuery automaton (which took milliseconds per query). Built once per index generation.
/// </summary>
internal sealed class TypoCorrector
{
    private const int MinLength = 4;
    private const int LongWord = 7; // from this length two typos are tolerated, below it one
    private const int MaxSuggestions = 4;

    // Residents' words repeat (and so do their typos): a word's suggestions are worked out once per
    // generation, up to this many words, since two-letter deletions of a long word are hundreds of probes.
    private const int MaxRemembered = 50_000;

    private readonly HashSet<string> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> byDeletion = new(StringComparer.Ordinal);
    private readonly BoundedMemo<string, string[]> remembered = new(MaxRemembered, StringComparer.Ordinal);
    private Func<string, string[]>? closest;

    public TypoCorrector(IndexReader reader, params string[] fields)
    {
        foreach (var field in fields)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                var word = iterator.Term.Utf8ToString();
                if (word.Length >= MinLength && !word.Any(char.IsDigit) && words.Add(word))
                {
                    foreach (var deletion in Deletions(word, MaxEdits(word)))
                    {
                        if (!byDeletion.TryGetValue(deletion, out var list))
                        {
                            byDeletion[deletion] = list = [];
                        }

                        list.Add(word);
                    }
                }
            }
        }
    }

    public int WordCount => words.Count;

    public bool Knows(string word) => words.Contains(word);

    /// <summary>Index words within one edit (two for long words) of <paramref name="word"/>, closest first.</summary>
    public IReadOnlyList<string> Suggest(string word)
    {
        if (word.Length < MinLength || words.Contains(word))
        {
            return [];
        }

        return remembered.Get(word, closest ??= Closest);
    }

    private string[] Closest(string word)
    {
        var maxEdits = MaxEdits(word);
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var deletion in Deletions(word, maxEdits).Append(word))
        {
            if (byDeletion.TryGetValue(deletion, out var list))
            {
                candidates.UnionWith(list);
            }

            if (words.Contains(deletion))
            {
                candidates.Add(deletion);
            }
        }

        return candidates
            .Where(c => c[0] == word[0]) // people rarely mistype the first letter; this cuts false friends
            .Select(c => (Word: c, Distance: Distance(word, c)))
            .Where(c => c.Distance <= maxEdits)
            .OrderBy(c => c.Distance).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(c => c.Word)
            .ToArray();
    }

    private static int MaxEdits(string word) => word.Length >= LongWord ? 2 : 1;

    private static HashSet<string> Deletions(string word, int depth)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new List<string> { word };
        for (var level = 0; level < depth; level++)
        {
            var next = new List<string>();
            foreach (var w in frontier)
            {
                for (var i = 0; i < w.Length; i++)
                {
                    var deleted = w.Remove(i, 1);
                    if (deleted.Length >= MinLength - 1 && result.Add(deleted))
                    {
                        next.Add(deleted);
                    }
                }
            }

            frontier = next;
        }

        return result;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

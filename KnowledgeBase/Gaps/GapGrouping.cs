using System.Security.Cryptography;
using System.Text;

namespace Asystent.KnowledgeBase.Gaps;

/// <summary>
/// Groups questions that mean the same, using the search's own analysis: two questions of one
/// language join when their analysed terms (lemmas and stems, no stop words) overlap by at least
/// half of the union ("gdzie odbiorę dowód" and "odbiór dowodu gdzie"), or when the search puts the
/// same card first and they share at least half of the shorter question's terms (the same question
/// in other words). Joining is transitive (union-find), so a chain of close variants is one group.
/// </summary>
public static class GapGrouping
{
    public sealed record Item(GapQuestion Question, string Language, IReadOnlySet<string> Terms, string? TopCard);

    public static IReadOnlyList<GapGroup> Group(IReadOnlyList<Item> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                if (Root(i) != Root(j) && Alike(items[i], items[j]))
                {
                    parent[Root(j)] = Root(i);
                }
            }
        }

        return Enumerable.Range(0, items.Count)
            .GroupBy(Root)
            .Select(g => Build(g.Select(i => items[i]).OrderByDescending(i => i.Question.Count).ThenBy(i => i.Question.Text, StringComparer.Ordinal).ToList()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Questions[0].Text, StringComparer.Ordinal)
            .ToList();
    }

    public static bool Alike(Item a, Item b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Language != b.Language)
        {
            return false;
        }

        if (a.Terms.Count == 0 || b.Terms.Count == 0)
        {
            return a.Question.Text == b.Question.Text;
        }

        var shared = a.Terms.Count(b.Terms.Contains);
        var union = a.Terms.Count + b.Terms.Count - shared;
        return shared * 2 >= union
            || (a.TopCard is not null && a.TopCard == b.TopCard && shared > 0 && shared * 2 >= Math.Min(a.Terms.Count, b.Terms.Count));
    }

    private static GapGroup Build(List<Item> items)
    {
        var cards = items.Where(i => i.TopCard is not null).GroupBy(i => i.TopCard!).OrderByDescending(g => g.Sum(i => i.Question.Count)).ThenBy(g => g.Key, StringComparer.Ordinal);
        return new GapGroup(
            Key(items[0].Language, items[0].Question.Text),
            items[0].Language,
            items.Sum(i => i.Question.Count),
            items.Select(i => i.Question).ToList(),
            items.SelectMany(i => i.Question.Reasons).Distinct().Order(StringComparer.Ordinal).ToList(),
            cards.FirstOrDefault()?.Key);
    }

    /// <summary>A short stable name for a group: its language and most asked question, hashed.</summary>
    public static string Key(string language, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(language + "\n" + text)))[..16];
}

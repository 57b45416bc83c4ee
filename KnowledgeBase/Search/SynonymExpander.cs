using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// Turns slang and everyday phrasing into office words before searching: "prawko" also means
/// "prawo jazdy", "blachy" means "tablice rejestracyjne". Matching is on whole words of the folded
/// text, so "prawko", "Prawko" and a phrase typed without Polish letters all hit the same rule.
/// </summary>
/// <remarks>
/// Single words are dictionary lookups and "niemc*" prefixes a short scan; only phrases use a regular
/// expression. (Running a regex per rule took a large share of each query's time.)
/// </remarks>
public sealed partial class SynonymExpander
{
    private readonly Dictionary<string, List<int>> byWord = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, int Rule)> byPrefix = [];
    private readonly List<(string Literal, Regex Phrase, int Rule)> byPhrase = [];
    private readonly List<(string Means, Language Language)> meanings = [];

    public SynonymExpander(IEnumerable<SynonymRule> synonymRules)
    {
        foreach (var rule in synonymRules)
        {
            var index = meanings.Count;
            meanings.Add((rule.Means, Languages.Languages.TryParse(rule.Lang, out var parsed) ? parsed : Language.Pl));
            foreach (var term in rule.Terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => TextFolding.Fold(t.Trim())))
            {
                // A trailing '*' in the file means "any ending": "niemc*" matches "niemcy" and "niemczech".
                var isPrefix = term.EndsWith('*');
                var body = isPrefix ? term[..^1] : term;
                if (body.Contains(' ', StringComparison.Ordinal))
                {
                    var pattern = Regex.Escape(body) + (isPrefix ? @"\w*" : "");
                    byPhrase.Add((body, new Regex($@"(?<!\w){pattern}(?!\w)", RegexOptions.CultureInvariant), index));
                }
                else if (isPrefix)
                {
                    byPrefix.Add((body, index));
                }
                else
                {
                    if (!byWord.TryGetValue(body, out var rules))
                    {
                        byWord[body] = rules = [];
                    }

                    rules.Add(index);
                }
            }
        }
    }

    /// <summary>The meanings of every rule the text matches, each once, with the language they are written in.</summary>
    public IReadOnlyList<(string Text, Language Language)> Expand(string text)
    {
        var folded = TextFolding.Fold(text);
        var matched = new SortedSet<int>();
        foreach (Match match in Word().Matches(folded))
        {
            // Match.Value makes a new string on every read: read it once per word.
            var word = match.Value;
            if (byWord.TryGetValue(word, out var rules))
            {
                matched.UnionWith(rules);
            }

            foreach (var (prefix, rule) in byPrefix)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    matched.Add(rule);
                }
            }
        }

        foreach (var (literal, phrase, rule) in byPhrase)
        {
            // The plain substring test rules most phrases out before the whole-word pattern is tried.
            if (!matched.Contains(rule) && folded.Contains(literal, StringComparison.Ordinal) && phrase.IsMatch(folded))
            {
                matched.Add(rule);
            }
        }

        return matched.Select(i => meanings[i]).Distinct().ToList();
    }

    [GeneratedRegex(@"[\w+]+")]
    private static partial Regex Word();
}

using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// Turns slang and everyday phrasing into office words before searching: "prawko" also means
/// "prawo jazdy", "blachy" means "tablice rejestracyjne". Matching is on whole words of the folded
/// text, so "prawko", "Prawko" and a phrase typed without Polish letters all hit the same rule.
/// </summary>
public sealed partial class SynonymExpander
{
    private readonly List<(Regex Pattern, string Means, Language Language)> rules = [];

    public SynonymExpander(IEnumerable<SynonymRule> synonymRules)
    {
        foreach (var rule in synonymRules)
        {
            var language = Languages.Languages.TryParse(rule.Lang, out var parsed) ? parsed : Language.Pl;
            foreach (var term in rule.Terms.Where(t => !string.IsNullOrWhiteSpace(t)))
            {
                var folded = Regex.Escape(TextFolding.Fold(term.Trim()));
                // A trailing '*' in the file means "any ending": "niemc*" matches "niemcy" and "niemiec".
                var pattern = folded.EndsWith(@"\*", StringComparison.Ordinal) ? folded[..^2] + @"\w*" : folded;
                rules.Add((new Regex($@"(?<!\w){pattern}(?!\w)", RegexOptions.CultureInvariant), rule.Means, language));
            }
        }
    }

    /// <summary>The meanings of every rule the text matches, each once, with the language they are written in.</summary>
    public IReadOnlyList<(string Text, Language Language)> Expand(string text)
    {
        var folded = TextFolding.Fold(text);
        return rules.Where(r => r.Pattern.IsMatch(folded))
            .Select(r => (r.Means, r.Language))
            .Distinct()
            .ToList();
    }
}

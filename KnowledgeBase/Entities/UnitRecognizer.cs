using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Entities;

/// <summary>Finds a unit named in a message by its code, name or one of its aliases in _office.yaml.</summary>
public sealed class UnitRecognizer
{
    private readonly List<(string Name, Regex Pattern, string Code)> patterns = [];

    public UnitRecognizer(OfficeDirectory office)
    {
        foreach (var unit in office.Units)
        {
            var names = unit.Aliases.Concat(unit.Name.Values).Append(unit.Code)
                .Select(TextFolding.Fold)
                .Where(n => n.Length >= 3)
                .Distinct()
                .OrderByDescending(n => n.Length);
            foreach (var name in names)
            {
                patterns.Add((name, new Regex($@"(?<![\p{{L}}]){Regex.Escape(name)}(?![\p{{L}}])", RegexOptions.CultureInvariant), unit.Code));
            }
        }
    }

    public string? Find(string text)
    {
        var folded = TextFolding.Fold(text);
        // The plain substring test rules most names out before the whole-word pattern is tried.
        return patterns.FirstOrDefault(p => folded.Contains(p.Name, StringComparison.Ordinal) && p.Pattern.IsMatch(folded)).Code;
    }
}

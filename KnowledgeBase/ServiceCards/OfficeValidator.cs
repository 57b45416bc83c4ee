using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>
/// The office file is shown on every card: its names, notes, access and payment texts must exist in
/// all four languages, or every card would fall back to Polish in the same place.
/// </summary>
internal static class OfficeValidator
{
    private static readonly Language[] Languages = [Language.Pl, Language.En, Language.Uk, Language.Ru];

    public static IEnumerable<CardProblem> Validate(OfficeDirectory office, string path)
    {
        var problems = new List<CardProblem>();
        void Require(LocalizedText text, string field, bool optional = false)
        {
            if (optional && text.Count == 0)
            {
                return;
            }

            foreach (var language in Languages.Where(l => text.In(l) is null))
            {
                problems.Add(new CardProblem(path, null, $"{field}.{language.Code()}", "missing translation"));
            }
        }

        Require(office.Name, "name");
        Require(office.Payment, "payment");
        foreach (var building in office.Buildings)
        {
            Require(building.Name, $"buildings[{building.Code}].name");
            Require(building.Access, $"buildings[{building.Code}].access", optional: true);
        }

        foreach (var unit in office.Units)
        {
            Require(unit.Name, $"units[{unit.Code}].name");
            Require(unit.Note, $"units[{unit.Code}].note", optional: true);
            if (office.FindBuilding(unit.Building) is null)
            {
                problems.Add(new CardProblem(path, null, $"units[{unit.Code}].building", $"unknown building '{unit.Building}'"));
            }
        }

        return problems;
    }
}

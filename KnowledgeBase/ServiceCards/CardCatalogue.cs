using System.Collections.Frozen;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>All valid cards and the office they belong to. Immutable once loaded; safe to share.</summary>
public sealed class CardCatalogue
{
    private readonly FrozenDictionary<string, ServiceCard> byId;

    public CardCatalogue(OfficeDirectory office, IEnumerable<ServiceCard> cards)
    {
        Office = office;
        Cards = cards.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        byId = Cards.ToFrozenDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
    }

    public OfficeDirectory Office { get; }
    public IReadOnlyList<ServiceCard> Cards { get; }

    public ServiceCard? Find(string id) => byId.GetValueOrDefault(id);

    public OfficeUnit UnitOf(ServiceCard card) =>
        Office.FindUnit(card.Unit) ?? throw new InvalidOperationException($"card {card.Id} names unknown unit {card.Unit}");
}

/// <summary>The outcome of loading the cards folder: what loaded and every problem found on the way.</summary>
public sealed record CardLoadResult(CardCatalogue Catalogue, IReadOnlyList<CardProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

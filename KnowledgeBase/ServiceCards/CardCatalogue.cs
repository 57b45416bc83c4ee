using System.Collections.Frozen;
using Asystent.KnowledgeBase.Appointments;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>All valid cards and the office they belong to. Immutable once loaded; safe to share.</summary>
public sealed class CardCatalogue
{
    private readonly FrozenDictionary<string, ServiceCard> byId;

    public CardCatalogue(OfficeDirectory office, IEnumerable<ServiceCard> cards, BookingSchedule? booking = null)
    {
        Office = office;
        Booking = booking ?? new BookingSchedule();
        Cards = cards.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        byId = Cards.ToFrozenDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
    }

    public OfficeDirectory Office { get; }

    /// <summary>The visits that can be booked (cards/_booking.yaml); empty when the office books none.</summary>
    public BookingSchedule Booking { get; }
    public IReadOnlyList<ServiceCard> Cards { get; }

    public ServiceCard? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The bookable service named by its own id or by the id of a card it serves.</summary>
    public BookableService? BookableFor(string id) =>
        Booking.FindQueue(id) ?? (Find(id)?.BookingQueue is { } queue ? Booking.FindQueue(queue) : null);

    public OfficeUnit UnitOf(ServiceCard card) =>
        Office.FindUnit(card.Unit) ?? throw new InvalidOperationException($"card {card.Id} names unknown unit {card.Unit}");
}

/// <summary>The outcome of loading the cards folder: what loaded and every problem found on the way.</summary>
public sealed record CardLoadResult(CardCatalogue Catalogue, IReadOnlyList<CardProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

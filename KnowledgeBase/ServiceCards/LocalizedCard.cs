using Asystent.KnowledgeBase.Languages;
using Language = Asystent.KnowledgeBase.Languages.Language;

namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>Where to go, in words: building with address, floor, room or window, and access notes.</summary>
public sealed record CardLocation(string Building, string Address, int Floor, string? Room, string? Window, string? Note, string? Access)
{
    /// <summary>Where a unit sits, in <paramref name="language"/> (falling back to Polish for texts the office file lacks).</summary>
    public static CardLocation Of(OfficeUnit unit, OfficeDirectory office, Language language)
    {
        var building = office.FindBuilding(unit.Building);
        return new CardLocation(
            building?.Name.Best(language) ?? unit.Building,
            building?.Address ?? "",
            unit.Floor,
            unit.Room,
            unit.Window,
            unit.Note.In(language) ?? unit.Note.In(Language.Pl),
            building?.Access.In(language) ?? building?.Access.In(Language.Pl));
    }

    public string Describe(Language language) => PlaceWords.Describe(this, language);
}

public sealed record CardHours(string Day, string Hours);

/// <summary>A fee or fine in force on the day the card is shown, with what sets it.</summary>
public sealed record CardFeeView(decimal Amount, string For, bool Optional, string? Basis, DateOnly? Since, bool Instead = false)
{
    /// <summary>Whether the fee is part of what everyone pays (the total).</summary>
    public bool Counted => !Optional && !Instead;
}

public sealed record CardUnitView(string Code, string Name, string? Phone, string? Email, IReadOnlyList<CardHours> Hours);

public sealed record CardOnlineView(string? Url, string? Text);

public sealed record CardRedirectView(string Office, string? Why, string? Url);

/// <summary>
/// A card rendered in one language for people: every field in that language where the card has
/// it, otherwise in Polish, with the names of the fields that fell back listed in <see cref="FallbackFields"/>.
/// </summary>
public sealed record LocalizedCard(
    string Id,
    string Kind,
    string Language,
    string Title,
    string Summary,
    CardUnitView Unit,
    CardLocation Where,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Documents,
    IReadOnlyList<CardFeeView> Fees,
    decimal FeesTotal,
    IReadOnlyList<CardFeeView> Fines,
    string? Payment,
    string? Deadline,
    IReadOnlyList<string> LegalBasis,
    CardOnlineView? Online,
    string? BookingQueue,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Related,
    CardRedirectView? Redirect,
    IReadOnlyList<string> FallbackFields)
{
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The card in <paramref name="language"/> with the fees and fines in force on <paramref name="on"/> (default: today in Poland).</summary>
    public static LocalizedCard From(ServiceCard card, CardCatalogue catalogue, Languages.Language language, DateOnly? on = null)
    {
        var day = on ?? OfficeToday();
        var fallbacks = new List<string>();
        var office = catalogue.Office;
        var unit = catalogue.UnitOf(card);

        string Text(LocalizedText text, string field)
        {
            if (text.In(language) is { } own)
            {
                return own;
            }

            if (text.In(Languages.Language.Pl) is { } polish)
            {
                fallbacks.Add(field);
                return polish;
            }

            return "";
        }

        string? Optional(LocalizedText? text, string field) => text is null || text.In(Languages.Language.Pl) is null && text.In(language) is null ? null : Text(text, field);

        IReadOnlyList<string> List(LocalizedList list, string field)
        {
            if (list.In(language) is { } own)
            {
                return own;
            }

            if (list.In(Languages.Language.Pl) is { } polish)
            {
                fallbacks.Add(field);
                return polish;
            }

            return [];
        }

        var buildingCode = card.Where?.Building ?? unit.Building;
        var building = office.FindBuilding(buildingCode);
        // A card that names its own room or desk replaces the unit's; otherwise the unit's place stands.
        var ownDesk = card.Where is { } place && (place.Room is not null || place.Window is not null);
        var where = new CardLocation(
            building is null ? buildingCode : Text(building.Name, "where.building"),
            building?.Address ?? "",
            card.Where?.Floor ?? unit.Floor,
            ownDesk ? card.Where!.Room : unit.Room,
            ownDesk ? card.Where!.Window : unit.Window,
            Optional(card.Where?.Note, "where.note") ?? (ownDesk ? null : Optional(unit.Note, "where.note")),
            building is null ? null : Optional(building.Access, "where.access"));

        List<CardFeeView> InForce(List<CardFee> list, string field) => list
            .Select((f, i) => (Fee: f, Index: i))
            .Where(x => x.Fee.AppliesOn(day))
            .Select(x => new CardFeeView(x.Fee.Amount, Text(x.Fee.For, $"{field}[{x.Index}].for"), x.Fee.Optional, x.Fee.Basis, x.Fee.Since, x.Fee.Instead))
            .ToList();
        var fees = InForce(card.Fees, "fees");
        var fines = InForce(card.Fines, "fines");
        return new LocalizedCard(
            card.Id,
            card.Kind.ToString().ToLowerInvariant(),
            language.Code(),
            Text(card.Title, "title"),
            Text(card.Summary, "summary"),
            new CardUnitView(unit.Code, Text(unit.Name, "unit.name"), unit.Phone, unit.Email,
                Days.Where(unit.Hours.ContainsKey).Select(d => new CardHours(d, unit.Hours[d])).ToList()),
            where,
            List(card.Steps, "steps"),
            List(card.Documents, "documents"),
            fees,
            fees.Where(f => f.Counted).Sum(f => f.Amount),
            fines,
            Optional(card.Payment, "payment") ?? Optional(office.Payment, "payment"),
            Optional(card.Deadline, "deadline"),
            card.LegalBasis,
            card.Online is null ? null : new CardOnlineView(card.Online.Url, Optional(card.Online.Text, "online.text")),
            card.BookingQueue,
            List(card.Keywords, "keywords"),
            card.Related,
            card.Redirect is null ? null : new CardRedirectView(Text(card.Redirect.Office, "redirect.office"), Optional(card.Redirect.Why, "redirect.why"), card.Redirect.Url),
            fallbacks.Distinct().ToList());
    }

    private static readonly TimeZoneInfo OfficeZone = FindOfficeZone();

    private static DateOnly OfficeToday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, OfficeZone));

    private static TimeZoneInfo FindOfficeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

using System.Globalization;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.ServiceCards.Editing;

namespace Asystent.Bot.Admin.Cards;

/// <summary>
/// The editor's form as a card: the fields the form shows replace those of the card the editor opened
/// (<c>base</c>, kept in the page), everything else stays as it was. In
/// expert mode the raw YAML is taken as it is. Field names follow the validator's paths ("title.en",
/// "fees[0].for.pl"), so a problem can point at its field.
/// </summary>
internal static class CardForm
{
    public static readonly string[] Languages = ["pl", "en", "uk", "ru"];

    /// <summary>The fee rows the form shows: the card's fees and this many empty ones to add.</summary>
    public const int SpareFeeRows = 1;

    private const int MaxFeeRows = 50;

    /// <summary>The floor's field, named as the validator names it.</summary>
    public const string FloorField = "where.floor";

    /// <summary>The YAML the form stands for, or null with the reason when it cannot be read at all.</summary>
    public static (string? Yaml, string? Problem) ToYaml(string id, IFormCollection form)
    {
        var raw = form["yaml"].ToString();
        if (form["mode"] == "yaml")
        {
            return (raw, null);
        }

        var baseText = form["base"].ToString();
        var card = baseText.Length == 0 ? new ServiceCard { Id = id } : CardFolder.Parse(id, baseText);
        if (card is null)
        {
            return (null, "The card the form was opened from cannot be read; edit it as YAML.");
        }

        if (BadFloor(form) is { } floor)
        {
            return (null, $"{FloorField}: '{floor}' is not a floor: a whole number, 0 for the ground floor, -1 for the basement.");
        }

        Apply(card, form);
        return (CardYamlWriter.Write(card), null);
    }

    private static void Apply(ServiceCard card, IFormCollection form)
    {
        string? One(string name) => form[name].ToString().Trim() is { Length: > 0 } value ? value : null;
        List<string> Lines(string name) => form[name].ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        LocalizedText Text(string field)
        {
            var text = new LocalizedText();
            foreach (var language in Languages)
            {
                if (One($"{field}.{language}") is { } value)
                {
                    text[language] = value.ReplaceLineEndings(" ");
                }
            }

            return text;
        }

        LocalizedList List(string field)
        {
            var list = new LocalizedList();
            foreach (var language in Languages)
            {
                if (Lines($"{field}.{language}") is { Count: > 0 } items)
                {
                    list[language] = items;
                }
            }

            return list;
        }

        card.Kind = form["kind"] == "redirect" ? CardKind.Redirect : CardKind.Service;
        card.Unit = One("unit") ?? "";
        card.BookingQueue = One("booking_queue");
        card.Title = Text("title");
        card.Summary = Text("summary");
        card.Steps = List("steps");
        card.Documents = List("documents");
        card.Deadline = Text("deadline");
        card.Payment = Text("payment");
        card.Keywords = List("keywords");
        card.LegalBasis = Lines("legal_basis");
        card.Related = Lines("related");
        card.Fees = Amounts(form, "fees", One);
        card.Fines = Amounts(form, "fines", One);

        var onlineText = Text("online.text");
        card.Online = One("online.url") is null && onlineText.Count == 0 ? null : new CardOnline { Url = One("online.url"), Text = onlineText };
        var office = Text("redirect.office");
        var why = Text("redirect.why");
        card.Redirect = card.Kind == CardKind.Service && office.Count == 0 && why.Count == 0 && One("redirect.url") is null
            ? null : new CardRedirect { Office = office, Why = why, Url = One("redirect.url") };
        var place = new CardPlace
        {
            Building = One("where.building"),
            // A floor that is not a whole number is kept out of the card and reported by the check below.
            Floor = int.TryParse(One("where.floor"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var floor) ? floor : null,
            Room = One("where.room"),
            Window = One("where.window"),
            Note = Text("where.note"),
        };
        card.Where = place.Building is null && place.Floor is null && place.Room is null && place.Window is null && place.Note.Count == 0 ? null : place;

        var sources = Lines("verified.sources");
        var date = DateOnly.TryParseExact(One("verified.date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        card.Verified = date is null && sources.Count == 0 ? null : new CardVerification { Date = date, Sources = sources };
    }

    /// <summary>The floor typed in the form when it is not a whole number (the card cannot hold it), else null.</summary>
    private static string? BadFloor(IFormCollection form) =>
        form["where.floor"].ToString().Trim() is { Length: > 0 } text && !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? text : null;

    // A row with no amount and no text is an unused spare row; an amount that is not a number keeps
    // the row (amount 0 would silently mean "free"), so the validator can point at it. Fees and fines
    // ("fees[0].amount", "fines[0].amount") have the same rows.
    private static List<CardFee> Amounts(IFormCollection form, string field, Func<string, string?> one)
    {
        var fees = new List<CardFee>();
        for (var i = 0; i < MaxFeeRows && form.Keys.Any(k => k.StartsWith($"{field}[{i}].", StringComparison.Ordinal)); i++)
        {
            var p = $"{field}[{i}]";
            var forText = new LocalizedText();
            foreach (var language in Languages)
            {
                if (one($"{p}.for.{language}") is { } value)
                {
                    forText[language] = value;
                }
            }

            var amountText = one($"{p}.amount");
            if (amountText is null && forText.Count == 0 && one($"{p}.basis") is null)
            {
                continue;
            }

            fees.Add(new CardFee
            {
                Amount = decimal.TryParse(amountText?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : -1,
                For = forText,
                Optional = form[$"{p}.optional"] == "true",
                Instead = form[$"{p}.instead"] == "true",
                Basis = one($"{p}.basis"),
                Since = Date(one($"{p}.since")),
                Until = Date(one($"{p}.until")),
            });
        }

        return fees;
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

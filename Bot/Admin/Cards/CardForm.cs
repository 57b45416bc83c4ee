using System.Globalization;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.ServiceCards.Editing;

namespace Asystent.Bot.Admin.Cards;

/// <summary>
/// The editor's form as a card: the fields the form shows replace those of the card the editor opened
/// (<c>base</c>, kept in the page), everything else (fines, the room and window) stays as it was. In
/// expert mode the raw YAML is taken as it is. Field names follow the validator's paths ("title.en",
/// "fees[0].for.pl"), so a problem can point at its field.
/// </summary>
internal static class CardForm
{
    public static readonly string[] Languages = ["pl", "en", "uk", "ru"];

    /// <summary>The fee rows the form shows: the card's fees and this many empty ones to add.</summary>
    public const int SpareFeeRows = 1;

    private const int MaxFeeRows = 50;

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
        card.Fees = Fees(form, One);

        var onlineText = Text("online.text");
        card.Online = One("online.url") is null && onlineText.Count == 0 ? null : new CardOnline { Url = One("online.url"), Text = onlineText };
        var office = Text("redirect.office");
        var why = Text("redirect.why");
        card.Redirect = card.Kind == CardKind.Service && office.Count == 0 && why.Count == 0 && One("redirect.url") is null
            ? null : new CardRedirect { Office = office, Why = why, Url = One("redirect.url") };
        if (card.Where is { } where)
        {
            where.Note = Text("where.note");
        }
        else if (Text("where.note") is { Count: > 0 } note)
        {
            card.Where = new CardPlace { Note = note };
        }

        var sources = Lines("verified.sources");
        var date = DateOnly.TryParseExact(One("verified.date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        card.Verified = date is null && sources.Count == 0 ? null : new CardVerification { Date = date, Sources = sources };
    }

    // A row with no amount and no text is an unused spare row; an amount that is not a number keeps
    // the row (amount 0 would silently mean "free"), so the validator can point at it.
    private static List<CardFee> Fees(IFormCollection form, Func<string, string?> one)
    {
        var fees = new List<CardFee>();
        for (var i = 0; i < MaxFeeRows && form.Keys.Any(k => k.StartsWith($"fees[{i}].", StringComparison.Ordinal)); i++)
        {
            var p = $"fees[{i}]";
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

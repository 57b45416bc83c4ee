using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Asystent.Bot.Conversation;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;
using QRCoder;

namespace Asystent.Bot.Search;

/// <summary>
/// One card for the information desk and the resident: where to go, today's hours, what to bring,
/// fees, how long, the online way, related cards, and a QR code of this page. Printed, it is a one-page
/// A4 checklist the resident takes away. The QR code comes right after the summary: on paper it floats
/// at the right of what follows, which flows around it (search.css); on screen it is shown last.
/// </summary>
internal static class CardPage
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;

    private static readonly Dictionary<string, string[]> Texts = new()
    {
        ["back"] = ["Wróć do wyszukiwania", "Back to search", "Назад до пошуку", "Назад к поиску"],
        ["print"] = ["Drukuj listę", "Print the list", "Надрукувати список", "Распечатать список"],
        ["related"] = ["Powiązane sprawy", "Related matters", "Пов'язані справи", "Связанные дела"],
        ["qr"] = ["Ta karta w telefonie", "This card on your phone", "Ця картка в телефоні", "Эта карточка в телефоне"],
        ["legal"] = ["Podstawa prawna", "Legal basis", "Правова підстава", "Правовое основание"],
    };

    public static string Render(ServiceCard card, CardCatalogue catalogue, Language language, DateTimeOffset officeNow, string pageUrl)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <nav class="no-print"><a href="/search?lang={language.Code()}">{T("back", language)}</a>
              <button type="button" onclick="window.print()">{T("print", language)}</button></nav>
            <main class="card-page">
            <h1>{E(view.Title)}</h1>
            <p class="summary">{E(view.Summary)}</p>
            <figure class="qr">{QrSvg(pageUrl)}<figcaption>{T("qr", language)}<br><span class="url">{E(pageUrl)}</span></figcaption></figure>
            """);
        if (view.Redirect is { } redirect)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2>{E(Phrases.Get("redirect", language))}</h2><p>{E(redirect.Office)}{(redirect.Why is { } why ? " – " + E(why) : "")}</p>");
            if (redirect.Url is { } url)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(url)}\">{E(url)}</a></p>");
            }
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <h2>{E(Phrases.Get("where", language))}</h2>
                <p>{E(CardAnswer.Location(view, language))}</p>
                <p><strong>{E(CardAnswer.Today(view, language, officeNow))}</strong></p>
                <p>{E(Phrases.Get("hours", language))}: {E(CardAnswer.WeekHours(view.Unit, language))}</p>
                """);
            if (view.Documents.Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"<h2>{E(Phrases.Get("bring", language))}</h2><ul class=\"checklist\">");
                foreach (var document in view.Documents)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<li>{E(document)}</li>");
                }

                body.Append("</ul>");
            }

            body.Append(CultureInfo.InvariantCulture, $"<h2>{E(Phrases.Get("fees", language))}</h2>");
            body.Append(view.Fees.All(f => f.Amount == 0)
                ? $"<p>{E(Phrases.Get("free", language))}</p>"
                : "<ul>" + string.Concat(CardAnswer.FeeLines(view, language).Select(line => $"<li>{E(line)}</li>")) + "</ul>"
                    + (view.Payment is { } pay ? $"<p>{E(pay)}</p>" : ""));
            if (view.Fines.Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"<h2>{E(Phrases.Get("fines", language))}</h2><ul>")
                    .Append(string.Concat(view.Fines.Select(f => $"<li>{E(CardAnswer.Money(f.Amount))} – {E(f.For)}</li>"))).Append("</ul>");
            }

            if (view.Deadline is { } deadline)
            {
                body.Append(CultureInfo.InvariantCulture, $"<h2>{E(Phrases.Get("time", language))}</h2><p>{E(deadline)}</p>");
            }

            if (view.Online is { } online)
            {
                body.Append(CultureInfo.InvariantCulture, $"<h2>{E(Phrases.Get("online", language))}</h2><p>{E(online.Text ?? "")}");
                if (online.Url is { } url)
                {
                    body.Append(CultureInfo.InvariantCulture, $" <a href=\"{E(url)}\">{E(url)}</a>");
                }

                body.Append("</p>");
            }
        }

        var related = view.Related.Select(catalogue.Find).OfType<ServiceCard>().ToList();
        if (related.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2>{T("related", language)}</h2><ul>");
            foreach (var other in related)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/search/cards/{Uri.EscapeDataString(other.Id)}?lang={language.Code()}\">{E(other.Title.Best(language))}</a></li>");
            }

            body.Append("</ul>");
        }

        body.Append("</main>");
        return Hosting.HtmlPage.Shell(language.Code(), view.Title, "/search.css", body.ToString());
    }

    /// <summary>The QR code as inline SVG: no image file, no request to anyone else.</summary>
    private static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        // The generator's XML declaration has no place inside HTML; the label goes on the image.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return svg[start..].Replace("<svg ", "<svg role=\"img\" aria-label=\"QR\" ", StringComparison.Ordinal);
    }

    private static string T(string key, Language language) => E(Texts[key][(int)language]);

    private static string E(string text) => Html.Encode(text);
}

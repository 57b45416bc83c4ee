using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Asystent.Bot.Staff;
using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Bot.Admin;

/// <summary>The analytics page: the period and filters, the main figures, charts where a picture is quicker, and every table with its CSV.</summary>
internal static class AdminPage
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;
    private static readonly CultureInfo Polish = Language.Pl.Culture();
    private static readonly string[] Channels = ["directline", "webchat", "messenger", "msteams", "emulator"];

    public static string Render(AnalyticsSummary summary, CardCatalogue catalogue, StaffUser admin, string antiforgery, string query)
    {
        var f = summary.Filter;
        var t = summary.Totals;
        var export = query.Length > 0 ? query : "?";
        string Csv(string table) => $"<a href=\"/admin/export/{table}.csv{E(export)}\">CSV</a>";
        string Title(string card) => catalogue.Find(card)?.Title.Best(Language.Pl) ?? card;

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <header>
              <h1>Analityka asystenta</h1>
              <p>{E(admin.UserName)} · <a href="/clerk">Konsola</a> · <a href="/admin/privacy">Dane osobowe</a> · <a href="/admin/cards">Karty usług</a> · <a href="/admin/gaps">Luki w bazie wiedzy</a></p>
              <form method="post" action="/staff/signout" class="inline">{antiforgery}<button type="submit">Wyloguj</button></form>
            </header>
            <main>
            <form method="get" action="/admin" class="filters" aria-label="Okres i filtry">
              <label for="from">Od</label><input id="from" name="from" type="date" value="{f.From:yyyy-MM-dd}" required>
              <label for="to">Do</label><input id="to" name="to" type="date" value="{f.To:yyyy-MM-dd}" required>
              <label for="channel">Kanał</label><select id="channel" name="channel">{Options(Channels.Append("voice"), f.Channel, "wszystkie")}</select>
              <label for="language">Język</label><select id="language" name="language">{Options(["pl", "en", "uk", "ru"], f.Language, "wszystkie")}</select>
              <button type="submit">Pokaż</button>
            </form>
            <h2>Najważniejsze liczby {Csv("totals")}</h2>
            <dl class="totals">
              <div><dt>Rozmowy</dt><dd>{t.Conversations}</dd></div>
              <div><dt>Wiadomości</dt><dd>{t.Messages}</dd></div>
              <div><dt>Bez udziału człowieka</dt><dd>{(t.Containment * 100).ToString("0.#", Polish)}%</dd></div>
              <div><dt>Przekazania do urzędnika</dt><dd>{t.Handoffs}</dd></div>
              <div><dt>Prośby o kontakt</dt><dd>{t.Callbacks}</dd></div>
              <div><dt>Odpowiedzi kartą / bez odpowiedzi</dt><dd>{t.Answered} / {t.Gaps}</dd></div>
              <div><dt>Rezerwacje / odwołania</dt><dd>{t.Bookings} / {t.Cancellations}</dd></div>
              <div><dt>Średnia ocena ({t.Ratings} ocen)</dt><dd>{(t.AverageRating is { } r ? r.ToString("0.0", Polish) : "–")}</dd></div>
            </dl>
            <div class="charts">
              <figure><canvas id="days-chart" role="img" aria-label="Wiadomości i rozmowy dzień po dniu (dane w tabeli niżej)"></canvas><figcaption>Dzień po dniu</figcaption></figure>
              <figure><canvas id="services-chart" role="img" aria-label="Najczęstsze sprawy (dane w tabeli niżej)"></canvas><figcaption>Najczęstsze sprawy</figcaption></figure>
            </div>
            """);
        body.Append(Table("Kanały", Csv("channels"), ["Kanał", "Rozmowy", "Wiadomości", "Przekazania"], summary.ByChannel.Select(Row)));
        body.Append(Table("Języki", Csv("languages"), ["Język", "Rozmowy", "Wiadomości", "Przekazania"], summary.ByLanguage.Select(Row)));
        body.Append(Table("Najczęstsze sprawy", Csv("services"), ["Sprawa", "Pytania"], summary.TopServices.Select(s => new[] { Title(s.Key), N(s.Count) })));
        body.Append(Table("Pytania bez odpowiedzi (luki w bazie wiedzy)", Csv("gaps"), ["Pytanie", "Ile razy"], summary.Gaps.Select(g => new[] { g.Key, N(g.Count) })));
        body.Append(Table("Dzień po dniu", Csv("days"), ["Dzień", "Rozmowy", "Wiadomości"], summary.ByDay.Select(d => new[] { d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(d.Conversations), N(d.Messages) })));
        body.Append(Table("Komentarze do ocen", Csv("comments"), ["Dzień", "Ocena", "Język", "Komentarz"], summary.Comments.Select(c => new[] { c.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(c.Rating), c.Language, c.Comment })));
        var data = JsonSerializer.Serialize(new
        {
            days = summary.ByDay.Select(d => new { day = d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Conversations, d.Messages }),
            services = summary.TopServices.Select(s => new { title = Title(s.Key), s.Count }),
        });
        body.Append(CultureInfo.InvariantCulture, $"""
            </main>
            <script type="application/json" id="chart-data">{data}</script>
            <script src="/lib/chart.js/chart.umd.js"></script>
            <script src="/admin.js"></script>
            """);
        return Hosting.HtmlPage.Shell("pl", "Analityka – Asystent", "/staff.css", body.ToString());
    }

    private static string Table(string caption, string csv, string[] header, IEnumerable<string[]> rows)
    {
        var html = new StringBuilder($"<h2>{E(caption)} {csv}</h2><table><thead><tr>");
        foreach (var column in header)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(column)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            html.Append("<tr>").Append(string.Concat(row.Select(cell => $"<td>{E(cell)}</td>"))).Append("</tr>");
        }

        if (!any)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{header.Length}\">Brak danych w tym okresie.</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Options(IEnumerable<string> values, string? selected, string all) =>
        $"<option value=\"\">{E(all)}</option>" + string.Concat(values.Select(v => $"<option value=\"{E(v)}\"{(v == selected ? " selected" : "")}>{E(v)}</option>"));

    private static string[] Row(AnalyticsRow r) => [r.Key, N(r.Conversations), N(r.Messages), N(r.Handoffs)];

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => Html.Encode(text);
}

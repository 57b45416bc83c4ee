using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Asystent.Bot.Staff;
using Asystent.KnowledgeBase.Gaps;
using Asystent.KnowledgeBase.ServiceCards.Editing;

namespace Asystent.Bot.Admin.Gaps;

/// <summary>
/// The gap list: one section per group of questions that mean the same, with how often they were
/// asked, in which language, why they are listed, and the three things staff can do with them.
/// </summary>
internal static class GapPage
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;

    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.Ordinal) { ["pl"] = "polski", ["en"] = "angielski", ["uk"] = "ukraiński", ["ru"] = "rosyjski" };

    private static readonly Dictionary<string, string> ReasonNames = new(StringComparer.Ordinal)
    {
        [GapReasons.NoCard] = "bez karty",
        [GapReasons.Unsure] = "asystent nie był pewien (dał wybór)",
        [GapReasons.LowRating] = "niska ocena rozmowy",
    };

    /// <param name="assigned">The card a group was just assigned to (its draft waits for publication), if any.</param>
    /// <param name="dropped">Whether a group was just marked out of scope.</param>
    public static string Render(StaffUser user, IReadOnlyList<GapGroup> groups, IReadOnlyList<CardListItem> cards, int days, string antiforgery, string? assigned, bool dropped)
    {
        var titles = cards.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <header>
              <h1>Luki w bazie wiedzy</h1>
              <p>{E(user.UserName)} ({E(user.Role)}) · <a href="/admin/cards">Karty usług</a>{(user.IsAdmin ? " · <a href=\"/admin\">Analityka</a>" : "")}</p>
              <form method="post" action="/staff/signout" class="inline">{antiforgery}<button type="submit">Wyloguj</button></form>
            </header>
            <main>
              <p>Pytania mieszkańców, na które asystent nie znalazł karty, nie był pewien odpowiedzi albo po których rozmowa dostała niską ocenę.
                 Pytania o to samo innymi słowami są w jednej grupie. Dane osobowe są zamaskowane.</p>
              <form method="get" action="/admin/gaps" class="filters">
                <label for="days">Ostatnie dni</label>
                <input id="days" name="days" type="number" min="1" max="366" value="{days}" required>
                <button type="submit">Pokaż</button>
              </form>
            """);
        if (assigned is not null && CardFolder.IsCardId(assigned))
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <p class="message" role="status">Pytania dopisane do słów kluczowych karty w szkicu. Opublikuj kartę w edytorze, a asystent zacznie nimi odpowiadać:
                  <a href="/admin/cards/{E(assigned)}">otwórz kartę {E(assigned)}</a>.</p>
                """);
        }
        else if (dropped)
        {
            body.Append("<p class=\"message\" role=\"status\">Pytania oznaczone jako poza zakresem zniknęły z listy.</p>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<p>Grup pytań: {groups.Count}.</p>");
        body.Append("<datalist id=\"cards\">").Append(string.Concat(cards.Select(c => $"<option value=\"{E(c.Id)}\">{E(c.Title)}</option>"))).Append("</datalist>");
        foreach (var group in groups)
        {
            body.Append(Section(group, titles, days, antiforgery));
        }

        body.Append("</main>");
        return Hosting.HtmlPage.Shell("pl", "Luki w bazie wiedzy – Asystent", "/staff.css", body.ToString());
    }

    private static string Section(GapGroup group, Dictionary<string, string> titles, int days, string antiforgery)
    {
        var k = E(group.Key);
        var questions = string.Concat(group.Questions.Select(q => $"<li>{E(q.Text)} <span class=\"count\">({q.Count}×)</span></li>"));
        var suggested = group.SuggestedCard is { } card ? $"<p>Wyszukiwarka wskazuje: <a href=\"/admin/cards/{E(card)}\">{E(titles.GetValueOrDefault(card, card))}</a></p>" : "";
        return string.Create(CultureInfo.InvariantCulture, $"""
            <section class="gap" aria-labelledby="gap-{k}" data-gap="{k}">
              <h2 id="gap-{k}">{E(group.Questions[0].Text)}</h2>
              <p>Zadane {group.Count}× · język: {E(LanguageNames.GetValueOrDefault(group.Language, group.Language))} · {E(string.Join(", ", group.Reasons.Select(r => ReasonNames.GetValueOrDefault(r, r))))}</p>
              <ul>{questions}</ul>
              {suggested}
              <form method="post" action="/admin/gaps/{k}/assign" class="filters">{antiforgery}<input type="hidden" name="days" value="{days}">
                <label for="card-{k}">Karta, która odpowiada</label>
                <input id="card-{k}" name="card" list="cards" value="{E(group.SuggestedCard ?? "")}" pattern="[a-z0-9]+(-[a-z0-9]+)*" required>
                <button type="submit">Przypisz kartę</button>
              </form>
              <form method="post" action="/admin/gaps/{k}/out-of-scope" class="filters">{antiforgery}<input type="hidden" name="days" value="{days}">
                <input id="nocard-{k}" name="noCard" type="checkbox" checked>
                <label for="nocard-{k}">zachowaj jako przykład pytania, na które żadna karta nie odpowiada</label>
                <button type="submit">Poza zakresem</button>
              </form>
              <form method="post" action="/admin/gaps/{k}/new-card" class="filters">{antiforgery}<input type="hidden" name="days" value="{days}">
                <label for="new-{k}">Nowa karta – identyfikator</label>
                <input id="new-{k}" name="id" pattern="[a-z0-9]+(-[a-z0-9]+)*" required>
                <button type="submit">Nowy szkic karty</button>
              </form>
            </section>
            """);
    }

    private static string E(string text) => Html.Encode(text);
}

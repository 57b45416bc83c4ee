using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Asystent.Bot.Staff;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.ServiceCards.Editing;

namespace Asystent.Bot.Admin.Cards;

/// <summary>The list of cards at /admin/cards: search by id, title or unit, drafts marked, a new card started by its id.</summary>
internal static class CardListPage
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;

    public static string Render(StaffUser user, IReadOnlyList<CardListItem> cards, IReadOnlyList<CardDraftRecord> drafts, string? query, string antiforgery, TimeZoneInfo zone)
    {
        var drafted = drafts.ToDictionary(d => d.CardId, StringComparer.Ordinal);
        var q = (query ?? "").Trim();
        var rows = new StringBuilder();
        var shown = 0;
        var items = cards.Concat(drafts.Where(d => cards.All(c => c.Id != d.CardId))
            .Select(d => new CardListItem(d.CardId, "(nowa karta – szkic)", "", CardKind.Service, d.UpdatedAt, true)));
        foreach (var card in items.Where(c => Matches(c, q)))
        {
            shown++;
            var draft = drafted.GetValueOrDefault(card.Id);
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr>
                  <td class="code"><a href="/admin/cards/{E(card.Id)}">{E(card.Id)}</a></td>
                  <td>{E(card.Title)}{(card.Readable ? "" : " <span class=\"error\">(błąd w pliku)</span>")}</td>
                  <td>{E(card.Unit)}</td>
                  <td>{(card.Kind == CardKind.Redirect ? "przekierowanie" : "usługa")}</td>
                  <td>{TimeZoneInfo.ConvertTime(card.LastChange, zone):yyyy-MM-dd HH:mm}</td>
                  <td>{(draft is null ? "" : $"szkic: {E(draft.Author)}, {TimeZoneInfo.ConvertTime(draft.UpdatedAt, zone):yyyy-MM-dd HH:mm}")}</td>
                </tr>
                """);
        }

        var body = $"""
            <header>
              <h1>Karty usług</h1>
              <p>{E(user.UserName)} ({E(user.Role)}) · <a href="/admin/gaps">Luki w bazie wiedzy</a>{(user.IsAdmin ? " · <a href=\"/admin\">Analityka</a>" : "")}</p>
              <form method="post" action="/staff/signout" class="inline">{antiforgery}<button type="submit">Wyloguj</button></form>
            </header>
            <main>
              <form method="get" action="/admin/cards" class="filters" role="search">
                <label for="q">Szukaj karty (id, tytuł, wydział)</label>
                <input id="q" name="q" type="search" value="{E(q)}">
                <button type="submit">Szukaj</button>
              </form>
              <form method="get" action="/admin/cards/new" class="filters">
                <label for="new-id">Nowa karta – identyfikator (małe litery, cyfry i łączniki)</label>
                <input id="new-id" name="id" pattern="[a-z0-9]+(-[a-z0-9]+)*" required>
                <button type="submit">Utwórz szkic</button>
              </form>
              <p>Kart: {shown}{(q.Length > 0 ? $" pasujących do „{E(q)}”" : "")}.</p>
              <table>
                <thead><tr><th scope="col">Id</th><th scope="col">Tytuł</th><th scope="col">Wydział</th><th scope="col">Rodzaj</th><th scope="col">Ostatnia zmiana</th><th scope="col">Szkic</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </main>
            """;
        return Hosting.HtmlPage.Shell("pl", "Karty usług – Asystent", "/staff.css", body);
    }

    private static bool Matches(CardListItem card, string q) =>
        q.Length == 0 || Fold(card.Id).Contains(Fold(q), StringComparison.Ordinal) || Fold(card.Title).Contains(Fold(q), StringComparison.Ordinal)
        || string.Equals(card.Unit, q, StringComparison.OrdinalIgnoreCase);

    // "rejestracja pojazdu" finds "Rejestracja pojazdu", and "zrodla" finds "źródła": staff type without Polish letters.
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('ł', 'l').Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }

    private static string E(string text) => Html.Encode(text);
}

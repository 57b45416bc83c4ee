using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Asystent.Bot.Staff;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.ServiceCards.Editing;

namespace Asystent.Bot.Admin.Cards;

/// <summary>What the editor opened: the text (the draft when there is one, else the file) and the hashes that detect a concurrent change.</summary>
internal sealed record CardEditorState(string Id, string Text, bool IsNew, string BaseHash, string DraftHash, CardDraftRecord? Draft);

/// <summary>A message shown above the form after saving or publishing: what happened, and the problems when it failed.</summary>
internal sealed record EditorMessage(string Text, bool IsError, IReadOnlyList<CardProblem> Problems);

/// <summary>
/// The card editor at /admin/cards/{id}: the card's shared fields, each language in its own fieldset,
/// the fees, an expert YAML view, live validation and the three previews (card-editor.js), and the
/// buttons to save a draft or publish.
/// </summary>
internal static class CardEditorPage
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;
    private static readonly string[] LanguageNames = ["polski", "angielski", "ukraiński", "rosyjski"];

    public static string Render(StaffUser user, CardEditorState state, OfficeDirectory office, string antiforgery, EditorMessage? message)
    {
        var card = CardFolder.Parse(state.Id, state.Text);
        var formReadable = card is not null || state.Text.Length == 0;
        card ??= new ServiceCard { Id = state.Id };
        var id = E(state.Id);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <header>
              <p><a href="/admin/cards">Wszystkie karty</a> · <a href="/admin/cards/{id}/history">Historia zmian</a> · {E(user.UserName)}</p>
              <h1>{(state.IsNew ? "Nowa karta" : "Karta")}: {id}</h1>
              <p>{(state.Draft is { } d ? $"Edytujesz szkic ({E(d.Author)}, {d.UpdatedAt:yyyy-MM-dd HH:mm} UTC, źródło: {E(d.Source)}). Opublikowana wersja się nie zmieni, dopóki nie opublikujesz." : state.IsNew ? "Tej karty jeszcze nie ma; po opublikowaniu powstanie jej plik." : "Edytujesz opublikowaną wersję.")}</p>
            </header>
            <main>
            {Message(message)}
            <form method="post" id="card-form" action="/admin/cards/{id}/draft" data-card="{id}">
              {antiforgery}
              <input type="hidden" name="baseHash" value="{E(state.BaseHash)}">
              <input type="hidden" name="draftHash" value="{E(state.DraftHash)}">
              <input type="hidden" name="base" value="{E(state.Text)}">
              <input type="hidden" name="mode" value="{(formReadable ? "form" : "yaml")}">
              {(formReadable ? "" : "<p class=\"error\" role=\"alert\">Tej wersji nie da się pokazać w formularzu (błąd składni YAML). Popraw ją w widoku YAML poniżej.</p>")}
              <section aria-labelledby="problems-title" class="problems">
                <h2 id="problems-title">Sprawdzenie karty</h2>
                <div id="problems" role="status" aria-live="polite"><p>Sprawdzam przy każdej zmianie…</p></div>
              </section>
              <fieldset>
                <legend>Wspólne dla wszystkich języków</legend>
                <label for="kind">Rodzaj</label>
                <select id="kind" name="kind">
                  <option value="service"{(card.Kind == CardKind.Service ? " selected" : "")}>usługa starostwa</option>
                  <option value="redirect"{(card.Kind == CardKind.Redirect ? " selected" : "")}>przekierowanie (sprawę załatwia inny urząd)</option>
                </select>
                <label for="unit">Wydział</label>
                <select id="unit" name="unit">{Units(office, card.Unit)}</select>
                {Input("booking_queue", "Kolejka rezerwacji wizyt (puste: bez rezerwacji)", card.BookingQueue)}
                {Area("legal_basis", "Podstawa prawna (jedna pozycja w wierszu)", string.Join('\n', card.LegalBasis), 3)}
                {Input("online.url", "Adres sprawy online", card.Online?.Url)}
                {Input("redirect.url", "Adres urzędu, który załatwia sprawę (przekierowanie)", card.Redirect?.Url)}
                {Area("related", "Powiązane karty (identyfikatory, jeden w wierszu)", string.Join('\n', card.Related), 3)}
                <label for="verified.date">Data sprawdzenia z przepisami</label>
                <input id="verified.date" name="verified.date" type="date" value="{card.Verified?.Date:yyyy-MM-dd}">
                {Area("verified.sources", "Źródła sprawdzenia (jedno w wierszu)", string.Join('\n', card.Verified?.Sources ?? []), 3)}
              </fieldset>
            """);
        body.Append(Amounts(card.Fees, "fees", "Opłaty", "Kwota w złotych; 0 oznacza „bezpłatnie”. Wiersz bez kwoty i opisu jest pomijany – tak usuniesz opłatę.", "opłata",
            "zamiast pierwszej opłaty (np. ulgowa)"));
        body.Append(Amounts(card.Fines, "fines", "Kary (np. za spóźnienie z rejestracją)", "Kwota w złotych. Wiersz bez kwoty i opisu jest pomijany – tak usuniesz karę.", "kara",
            "zamiast pierwszej kary"));
        body.Append(Place(card.Where, office));
        for (var i = 0; i < CardForm.Languages.Length; i++)
        {
            body.Append(Language(card, CardForm.Languages[i], LanguageNames[i]));
        }

        body.Append(CultureInfo.InvariantCulture, $"""
              <details id="yaml-view"{(formReadable ? "" : " open")}>
                <summary>Widok YAML dla zaawansowanych</summary>
                <p>Zaznacz, by zapisać tekst YAML zamiast formularza.</p>
                <label><input type="checkbox" id="use-yaml"{(formReadable ? "" : " checked")}> Używaj tekstu YAML</label>
                <label for="yaml">Karta w YAML</label>
                <textarea id="yaml" name="yaml" rows="24" spellcheck="false">{E(state.Text)}</textarea>
              </details>
              <p class="actions">
                <button type="submit" formaction="/admin/cards/{id}/draft">Zapisz szkic</button>
                <button type="submit" formaction="/admin/cards/{id}/publish">Opublikuj</button>
              </p>
            </form>
            <section aria-labelledby="preview-title">
              <h2 id="preview-title">Podgląd</h2>
              <p><label for="preview-language" class="inline">Język podglądu</label>
                <select id="preview-language">{string.Concat(CardForm.Languages.Select((l, i) => $"<option value=\"{l}\">{LanguageNames[i]}</option>"))}</select>
                <button type="button" id="preview-refresh">Odśwież podgląd</button></p>
              <p id="preview-problem" role="status"></p>
              <h3>Odpowiedź w czacie</h3>
              <div id="preview-chat" class="chat-preview"></div>
              <h3>Karta w wyszukiwarce (/search)</h3>
              <iframe id="preview-card" title="Podgląd karty w wyszukiwarce" sandbox></iframe>
              <h3>Wydruk</h3>
              <iframe id="preview-print" class="print-preview" title="Podgląd wydruku karty" sandbox></iframe>
            </section>
            </main>
            <script src="/card-editor.js"></script>
            """);
        return Hosting.HtmlPage.Shell("pl", $"Karta {state.Id} – edycja", "/staff.css", body.ToString());
    }

    public static string Message(EditorMessage? message)
    {
        if (message is null)
        {
            return "";
        }

        var problems = message.Problems.Count == 0 ? "" : "<ul>" + string.Concat(message.Problems.Select(p =>
            $"<li>{E(p.Field)}{(p.Line is { } line ? $" (wiersz {line})" : "")}: {E(p.Message)}</li>")) + "</ul>";
        return $"<div class=\"{(message.IsError ? "error" : "notice")}\" role=\"{(message.IsError ? "alert" : "status")}\" id=\"result\"><p>{E(message.Text)}</p>{problems}</div>";
    }

    /// <summary>Fees or fines (the same rows): the card's and one spare row to add.</summary>
    private static string Amounts(List<CardFee> amounts, string field, string legend, string help, string noun, string instead)
    {
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<fieldset><legend>{E(legend)}</legend><p>{E(help)}</p>");
        var rows = amounts.Select(f => (CardFee?)f).Concat(Enumerable.Repeat<CardFee?>(null, CardForm.SpareFeeRows)).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var fee = rows[i];
            var p = $"{field}[{i}]";
            var capital = char.ToUpperInvariant(noun[0]) + noun[1..];
            html.Append(CultureInfo.InvariantCulture, $"""
                <fieldset class="fee"><legend>{(fee is null ? $"Nowa {noun}" : $"{capital} {i + 1}")}</legend>
                {Input($"{p}.amount", "Kwota (zł)", fee?.Amount.ToString(CultureInfo.InvariantCulture))}
                {string.Concat(CardForm.Languages.Select((l, n) => Input($"{p}.for.{l}", $"Za co ({LanguageNames[n]})", fee?.For.GetValueOrDefault(l))))}
                {Input($"{p}.basis", "Przepis, który ustala kwotę", fee?.Basis)}
                {Input($"{p}.since", "Obowiązuje od", fee?.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date")}
                {Input($"{p}.until", "Obowiązuje do (dzień, od którego już nie)", fee?.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date")}
                <label><input type="checkbox" name="{p}.optional" value="true"{(fee?.Optional == true ? " checked" : "")}> płacą tylko niektórzy (nie wlicza się do sumy)</label>
                <label><input type="checkbox" name="{p}.instead" value="true"{(fee?.Instead == true ? " checked" : "")}> {E(instead)}</label>
                </fieldset>
                """);
        }

        return html.Append("</fieldset>").ToString();
    }

    /// <summary>Where the matter is handled: the building (from the office file), floor, room and window; the note is per language below.</summary>
    private static string Place(CardPlace? where, OfficeDirectory office)
    {
        var buildings = "<option value=\"\">(budynek wydziału)</option>" + string.Concat(office.Buildings.Select(b =>
            $"<option value=\"{E(b.Code)}\"{(string.Equals(b.Code, where?.Building, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(b.Code)} – {E(b.Address)}</option>"));
        return $"""
            <fieldset><legend>Miejsce załatwienia sprawy</legend>
              <p>Puste pola: jak podaje wydział w danych urzędu. Pokój i okienko to tylko numer lub zakres („112”, „4–8”); słowa wpisz w uwadze o miejscu (w każdym języku).</p>
              <label for="where.building">Budynek</label><select id="where.building" name="where.building">{buildings}</select>
              {Input(CardForm.FloorField, "Piętro (0 – parter, -1 – piwnica)", where?.Floor?.ToString(CultureInfo.InvariantCulture), "number")}
              {Input("where.room", "Pokój", where?.Room)}
              {Input("where.window", "Okienko", where?.Window)}
            </fieldset>
            """;
    }

    private static string Language(ServiceCard card, string l, string name) => $"""
        <fieldset lang="{l}">
          <legend>Język: {name}</legend>
          {Input($"title.{l}", "Tytuł", card.Title.GetValueOrDefault(l))}
          {Area($"summary.{l}", "Streszczenie", card.Summary.GetValueOrDefault(l), 3)}
          {Area($"steps.{l}", "Kroki (jeden w wierszu)", Join(card.Steps, l), 5)}
          {Area($"documents.{l}", "Dokumenty do zabrania (jeden w wierszu)", Join(card.Documents, l), 4)}
          {Input($"deadline.{l}", "Termin załatwienia", card.Deadline.GetValueOrDefault(l))}
          {Area($"payment.{l}", "Jak zapłacić (puste: zasady ogólne urzędu)", card.Payment.GetValueOrDefault(l), 2)}
          {Area($"online.text.{l}", "Sprawa online – opis", card.Online?.Text.GetValueOrDefault(l), 2)}
          {Input($"redirect.office.{l}", "Przekierowanie: który urząd", card.Redirect?.Office.GetValueOrDefault(l))}
          {Input($"redirect.why.{l}", "Przekierowanie: dlaczego nie starostwo", card.Redirect?.Why.GetValueOrDefault(l))}
          {Input($"where.note.{l}", "Uwaga o miejscu (np. wejście od podwórza)", card.Where?.Note.GetValueOrDefault(l))}
          {Area($"keywords.{l}", "Słowa kluczowe – jak mieszkańcy pytają (jedno w wierszu)", Join(card.Keywords, l), 4)}
        </fieldset>
        """;

    private static string Join(LocalizedList list, string language) => string.Join('\n', list.GetValueOrDefault(language) ?? []);

    private static string Input(string name, string label, string? value, string type = "text") =>
        $"<label for=\"{name}\">{E(label)}</label><input id=\"{name}\" name=\"{name}\" type=\"{type}\" value=\"{E(value ?? "")}\">";

    private static string Area(string name, string label, string? value, int rows) =>
        $"<label for=\"{name}\">{E(label)}</label><textarea id=\"{name}\" name=\"{name}\" rows=\"{rows}\">{E(value ?? "")}</textarea>";

    private static string Units(OfficeDirectory office, string selected)
    {
        var options = office.Units.Select(u => $"<option value=\"{E(u.Code)}\"{(string.Equals(u.Code, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(u.Code)} – {E(u.Name.Best(KnowledgeBase.Languages.Language.Pl))}</option>");
        var unknown = selected.Length > 0 && office.FindUnit(selected) is null ? $"<option value=\"{E(selected)}\" selected>{E(selected)} (nieznany)</option>" : "";
        return (selected.Length == 0 ? "<option value=\"\">(wybierz)</option>" : "") + unknown + string.Concat(options);
    }

    private static string E(string text) => Html.Encode(text);
}

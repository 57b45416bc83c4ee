using System.Text.Encodings.Web;
using Asystent.Bot.Staff;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Privacy;

namespace Asystent.Bot.Admin;

/// <summary>The "Dane osobowe" pages: the search form, what was found (with export and erase), the confirmation, the result.</summary>
internal static class PersonalDataPage
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;

    public static string Form(StaffUser admin, string antiforgery, string? problem, string? phone, string? email) => Page(admin, antiforgery, $"""
        <p>Wniosek osoby o dostęp do jej danych albo o ich usunięcie (RODO art. 15 i 17). Podaj numer telefonu albo adres e-mail, który osoba podała asystentowi.</p>
        {(problem is null ? "" : $"<p class=\"error\" role=\"alert\">{E(problem)}</p>")}
        <form method="post" action="/admin/privacy/find" class="narrow">
          {antiforgery}
          <label for="phone">Numer telefonu</label>
          <input id="phone" name="phone" type="tel" autocomplete="off" value="{E(phone ?? "")}">
          <label for="email">albo adres e-mail</label>
          <input id="email" name="email" type="email" autocomplete="off" value="{E(email ?? "")}">
          <button type="submit">Szukaj</button>
        </form>
        """);

    public static string Found(StaffUser admin, string antiforgery, DataSubject subject, PersonalDataCounts counts) => Page(admin, antiforgery, $"""
        <h2>Znalezione dla: {E(Contact(subject))}</h2>
        {Counts(counts)}
        <form method="post" action="/admin/privacy/export" class="inline">
          {antiforgery}{Hidden(subject)}
          <button type="submit">Pobierz dane (JSON)</button>
        </form>
        <form method="post" action="/admin/privacy/erase" class="inline">
          {antiforgery}{Hidden(subject)}
          <button type="submit">Usuń dane…</button>
        </form>
        <p><a href="/admin/privacy">Nowe wyszukiwanie</a></p>
        """);

    public static string Confirm(StaffUser admin, string antiforgery, DataSubject subject) => Page(admin, antiforgery, $"""
        <h2>Usunąć dane: {E(Contact(subject))}?</h2>
        <p role="alert">Wizyty, prośby o kontakt, obserwowane sprawy, powiadomienia i rozmowy tej osoby zostaną usunięte na stałe. Tego nie można cofnąć.</p>
        <form method="post" action="/admin/privacy/erase" class="inline">
          {antiforgery}{Hidden(subject)}
          <input type="hidden" name="confirm" value="yes">
          <button type="submit">Tak, usuń na stałe</button>
        </form>
        <p><a href="/admin/privacy">Anuluj</a></p>
        """);

    public static string Erased(StaffUser admin, string antiforgery, DataSubject subject, PersonalDataCounts counts) => Page(admin, antiforgery, $"""
        <h2 role="status">Usunięto dane: {E(Contact(subject))}</h2>
        {Counts(counts)}
        <p><a href="/admin/privacy">Nowe wyszukiwanie</a></p>
        """);

    private static string Page(StaffUser admin, string antiforgery, string content) => Hosting.HtmlPage.Shell("pl", "Dane osobowe – Asystent", "/staff.css", $"""
        <header>
          <h1>Dane osobowe</h1>
          <p>{E(admin.UserName)} · <a href="/admin">Analityka</a> · <a href="/clerk">Konsola</a></p>
          <form method="post" action="/staff/signout" class="inline">{antiforgery}<button type="submit">Wyloguj</button></form>
        </header>
        <main>
        {content}
        </main>
        """);

    private static string Counts(PersonalDataCounts c) => $"""
        <table>
          <thead><tr><th scope="col">Rodzaj</th><th scope="col">Ile</th></tr></thead>
          <tbody>
            <tr><td>Wizyty</td><td>{c.Visits}</td></tr>
            <tr><td>Prośby o kontakt</td><td>{c.CallbackRequests}</td></tr>
            <tr><td>Obserwowane sprawy</td><td>{c.CaseWatches}</td></tr>
            <tr><td>Powiadomienia</td><td>{c.Notifications}</td></tr>
            <tr><td>Rozmowy</td><td>{c.Conversations}</td></tr>
          </tbody>
        </table>
        """;

    private static string Hidden(DataSubject subject) => subject.Phone is { } phone
        ? $"<input type=\"hidden\" name=\"phone\" value=\"{E(phone)}\">"
        : $"<input type=\"hidden\" name=\"email\" value=\"{E(subject.Email!)}\">";

    private static string Contact(DataSubject subject) => subject.Phone is { } phone ? ContactDetails.Readable(phone) : subject.Email!;

    private static string E(string text) => Html.Encode(text);
}

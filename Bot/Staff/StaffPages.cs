using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Bot.Staff;

/// <summary>The staff pages as HTML: plain, readable, usable by keyboard, and printable on A4 (the controls do not print).</summary>
internal static class StaffPages
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;
    private static readonly CultureInfo Polish = Language.Pl.Culture();

    public static string SignIn(string antiforgery, string? returnUrl, string? message) => Page("Logowanie pracownika", $"""
        <main class="narrow">
          <h1>Logowanie pracownika</h1>
          {(message is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.Encode(message)}</p>")}
          <form method="post" action="/staff/signin">
            {antiforgery}
            <input type="hidden" name="returnUrl" value="{Html.Encode(returnUrl ?? "")}">
            <label for="userName">Nazwa użytkownika</label>
            <input id="userName" name="userName" autocomplete="username" required autofocus>
            <label for="password">Hasło</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Zaloguj</button>
          </form>
        </main>
        """);

    public static string NotConfigured() => Page("Strony pracowników niedostępne", """
        <main class="narrow">
          <h1>Strony pracowników nie są skonfigurowane</h1>
          <p>Administrator musi założyć pierwsze konto: <code>Indexer staff-add NAZWA --role admin</code> albo Staff:Accounts w konfiguracji (hasło co najmniej 12 znaków).</p>
        </main>
        """);

    public static string Forbidden(string unit) => Page("Brak dostępu", $"""
        <main class="narrow">
          <h1>Brak dostępu</h1>
          <p>Twoje konto nie obejmuje wydziału {Html.Encode(unit)}.</p>
          <p><a href="/staff/appointments">Wróć do listy wizyt</a></p>
        </main>
        """);

    public static string Day(StaffUser account, CardCatalogue catalogue, string unit, DateOnly day, IReadOnlyList<AppointmentRecord> visits,
        Func<DateTime, DateTimeOffset> officeTime, string antiforgery)
    {
        var units = catalogue.Booking.Queues.Select(q => q.Unit).Distinct(StringComparer.OrdinalIgnoreCase).Where(account.MaySee).ToList();
        var unitName = catalogue.Office.FindUnit(unit)?.Name.Best(Language.Pl) ?? unit;
        var title = $"Wizyty {unit} – {day.ToString("d MMMM yyyy", Polish)}";
        var booked = visits.Count(v => v.Status != AppointmentStatus.Cancelled);
        var rows = new StringBuilder();
        foreach (var visit in visits)
        {
            var start = officeTime(visit.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture);
            var service = catalogue.Booking.FindQueue(visit.QueueId)?.Title.Best(Language.Pl) ?? visit.QueueId;
            var cancelled = visit.Status == AppointmentStatus.Cancelled;
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr class="{(cancelled ? "cancelled" : "")}">
                  <td>{start}</td>
                  <td class="code">{Html.Encode(visit.Code)}</td>
                  <td>{Html.Encode(service)}</td>
                  <td>{Html.Encode(visit.Name)}</td>
                  <td>{Html.Encode(visit.Phone is { } phone ? ContactDetails.Readable(phone) : visit.Email ?? "")}</td>
                  <td>{StatusText(visit.Status)}</td>
                  <td class="no-print">{(cancelled ? "" : Marks(visit, unit, day, antiforgery))}</td>
                </tr>
                """);
        }

        var options = string.Join("", units.Select(u =>
            $"<option value=\"{Html.Encode(u)}\"{(string.Equals(u, unit, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{Html.Encode(u)} – {Html.Encode(catalogue.Office.FindUnit(u)?.Name.Best(Language.Pl) ?? u)}</option>"));
        return Page(title, $"""
            <header class="no-print">
              <form method="get" action="/staff/appointments" class="inline">
                <label for="unit">Wydział</label>
                <select id="unit" name="unit">{options}</select>
                <label for="date">Dzień</label>
                <input id="date" name="date" type="date" value="{day:yyyy-MM-dd}">
                <button type="submit">Pokaż</button>
              </form>
              <button type="button" onclick="window.print()">Drukuj</button>
              <form method="post" action="/staff/signout" class="inline">{antiforgery}<button type="submit">Wyloguj ({Html.Encode(account.UserName)})</button></form>
            </header>
            <main>
              <h1>{Html.Encode(unitName)}</h1>
              <p class="day">{Html.Encode(day.ToString("dddd, d MMMM yyyy", Polish))} · umówionych wizyt: {booked}</p>
              {(visits.Count == 0 ? "<p>Na ten dzień nie ma wizyt.</p>" : $"""
              <table>
                <thead><tr><th scope="col">Godzina</th><th scope="col">Kod</th><th scope="col">Sprawa</th><th scope="col">Imię i nazwisko</th><th scope="col">Kontakt</th><th scope="col">Status</th><th scope="col" class="no-print">Oznacz</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
              """)}
            </main>
            """);
    }

    private static string Marks(AppointmentRecord visit, string unit, DateOnly day, string antiforgery) => string.Join("", new[]
    {
        (AppointmentStatus.Served, "Obsłużona"),
        (AppointmentStatus.NoShow, "Nie przyszła"),
    }.Where(m => m.Item1 != visit.Status).Select(m => $"""
        <form method="post" action="/staff/appointments/{Html.Encode(visit.Code)}/mark" class="inline">
          {antiforgery}
          <input type="hidden" name="status" value="{m.Item1}"><input type="hidden" name="unit" value="{Html.Encode(unit)}"><input type="hidden" name="date" value="{day:yyyy-MM-dd}">
          <button type="submit" aria-label="{m.Item2}: {Html.Encode(visit.Code)}">{m.Item2}</button>
        </form>
        """));

    private static string StatusText(string status) => status switch
    {
        AppointmentStatus.Booked => "umówiona",
        AppointmentStatus.Served => "obsłużona",
        AppointmentStatus.NoShow => "nie przyszła",
        AppointmentStatus.Cancelled => "odwołana",
        _ => status,
    };

    private static string Page(string title, string body) => Hosting.HtmlPage.Shell("pl", title, "/staff.css", body);
}

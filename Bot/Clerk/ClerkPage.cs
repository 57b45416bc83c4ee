using System.Text.Encodings.Web;
using Asystent.Bot.Staff;

namespace Asystent.Bot.Clerk;

/// <summary>The console's page: three regions (queue, conversation, callbacks) that clerk.js fills from the hub.</summary>
internal static class ClerkPage
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;

    public static string Render(StaffUser clerk, string antiforgery)
    {
        var units = clerk.Units.Count == 0 ? "wszystkie wydziały" : string.Join(", ", clerk.Units);
        return Hosting.HtmlPage.Shell("pl", "Konsola urzędnika – Asystent", "/staff.css", $"""
            <header>
              <h1>Konsola urzędnika</h1>
              <p><span id="who">{Html.Encode(clerk.UserName)}</span> · {Html.Encode(units)} · <span id="connection" role="status">Łączenie…</span></p>
              <form method="post" action="/staff/signout" class="inline">{antiforgery}<button type="submit">Wyloguj</button></form>
              <a href="/staff/appointments">Wizyty</a>
            </header>
            <p id="problem" class="error" role="alert"></p>
            <main class="console">
              <section aria-labelledby="queue-heading">
                <h2 id="queue-heading">Kolejka</h2>
                <ul id="queue" class="items"><li>Nikt nie czeka.</li></ul>
                <h2 id="mine-heading">Moje rozmowy</h2>
                <ul id="mine" class="items"><li>Brak.</li></ul>
              </section>
              <section aria-labelledby="conversation-heading" id="conversation">
                <h2 id="conversation-heading">Rozmowa</h2>
                <p id="conversation-meta">Wybierz rozmowę z kolejki.</p>
                <ol id="transcript" aria-live="polite" aria-label="Przebieg rozmowy"></ol>
                <div id="canned" role="group" aria-label="Gotowe odpowiedzi"></div>
                <form id="reply-form" hidden>
                  <label for="reply">Odpowiedź dla rozmówcy</label>
                  <textarea id="reply" rows="3" maxlength="{ClerkDesk.MaxReplyLength}" required></textarea>
                  <button type="submit">Wyślij</button>
                  <button type="button" id="hand-back">Oddaj asystentowi</button>
                  <button type="button" id="close">Zakończ rozmowę</button>
                </form>
              </section>
              <section aria-labelledby="callbacks-heading">
                <h2 id="callbacks-heading">Prośby o kontakt</h2>
                <ul id="callbacks" class="items"><li>Brak próśb.</li></ul>
              </section>
            </main>
            <script src="/lib/signalr/signalr.min.js"></script>
            <script src="/clerk.js"></script>
            """);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Asystent.Bot.Staff;
using Asystent.KnowledgeBase.ServiceCards.Editing;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Asystent.Bot.Admin.Cards;

/// <summary>
/// A card's publications, newest first: who, when, and what changed as a line diff of the file; each
/// older version can be restored (published again), which is refused if the card changed meanwhile.
/// </summary>
internal static class CardHistoryPage
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;

    public static string Render(StaffUser user, string id, IReadOnlyList<CardRevisionRecord> revisions, string currentHash, string antiforgery, TimeZoneInfo zone, EditorMessage? message)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <header>
              <p><a href="/admin/cards">Wszystkie karty</a> · <a href="/admin/cards/{E(id)}">Edytuj kartę</a> · {E(user.UserName)}</p>
              <h1>Historia zmian: {E(id)}</h1>
            </header>
            <main>
            {CardEditorPage.Message(message)}
            """);
        if (revisions.Count == 0)
        {
            body.Append("<p>Ta karta nie była jeszcze publikowana w edytorze.</p>");
        }

        var current = revisions.Count > 0 ? revisions[0].After : null;
        foreach (var revision in revisions)
        {
            var when = TimeZoneInfo.ConvertTime(revision.PublishedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var what = revision.Action == CardPublisher.RestoreAction ? "przywrócenie starszej wersji" : revision.Before is null ? "utworzenie karty" : "publikacja";
            body.Append(CultureInfo.InvariantCulture, $"""
                <section class="revision" aria-labelledby="rev-{revision.Id}">
                  <h2 id="rev-{revision.Id}">{when} – {E(revision.Author)}: {what}</h2>
                  <details><summary>Co się zmieniło</summary>{Diff(revision.Before ?? "", revision.After)}</details>
                """);
            if (revision.After != current)
            {
                body.Append(Restore(id, revision.Id, "after", "Przywróć tę wersję", currentHash, antiforgery));
            }

            if (revision.Before is { } older && older != current)
            {
                body.Append(Restore(id, revision.Id, "before", "Przywróć wersję sprzed tej zmiany", currentHash, antiforgery));
            }

            body.Append("</section>");
        }

        body.Append("</main>");
        return Hosting.HtmlPage.Shell("pl", $"Historia karty {id}", "/staff.css", body.ToString());
    }

    private static string Restore(string id, long revision, string version, string label, string currentHash, string antiforgery) => $"""
        <form method="post" action="/admin/cards/{E(id)}/restore/{revision}" class="inline">
          {antiforgery}<input type="hidden" name="baseHash" value="{E(currentHash)}"><input type="hidden" name="version" value="{version}">
          <button type="submit">{label}</button>
        </form>
        """;

    /// <summary>Changed lines with a few unchanged ones around them, marked for screen readers too (ins/del).</summary>
    internal static string Diff(string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        var html = new StringBuilder("<pre class=\"diff\">");
        var lines = model.Lines;
        var near = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (var j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++)
                {
                    near[j] = true;
                }
            }
        }

        var skipped = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!near[i])
            {
                skipped = true;
                continue;
            }

            if (skipped)
            {
                html.Append("<span class=\"skip\">…</span>\n");
                skipped = false;
            }

            var text = E(lines[i].Text ?? "");
            html.Append(lines[i].Type switch
            {
                ChangeType.Inserted => $"<ins>+ {text}</ins>\n",
                ChangeType.Deleted => $"<del>- {text}</del>\n",
                _ => $"  {text}\n",
            });
        }

        return html.Append("</pre>").ToString();
    }

    private static string E(string text) => Html.Encode(text);
}

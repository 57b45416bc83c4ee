using System.Globalization;
using System.Text;
using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Bot.Admin;

/// <summary>Each table of the analytics page as CSV (RFC 4180: quoted where needed, CRLF), for a spreadsheet.</summary>
internal static class AdminCsv
{
    public static readonly string[] Tables = ["totals", "channels", "languages", "days", "services", "gaps", "comments"];

    public static string? Table(string table, AnalyticsSummary summary, CardCatalogue catalogue) => table switch
    {
        "totals" => Csv(["measure", "value"], Totals(summary.Totals).Select(t => new[] { t.Key, t.Value })),
        "channels" => Csv(["channel", "conversations", "messages", "handoffs"], summary.ByChannel.Select(Row)),
        "languages" => Csv(["language", "conversations", "messages", "handoffs"], summary.ByLanguage.Select(Row)),
        "days" => Csv(["day", "conversations", "messages"], summary.ByDay.Select(d => new[] { d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(d.Conversations), N(d.Messages) })),
        "services" => Csv(["card", "title", "messages"], summary.TopServices.Select(s => new[] { s.Key, catalogue.Find(s.Key)?.Title.Best(Language.Pl) ?? s.Key, N(s.Count) })),
        "gaps" => Csv(["question", "times"], summary.Gaps.Select(g => new[] { g.Key, N(g.Count) })),
        "comments" => Csv(["day", "rating", "language", "comment"], summary.Comments.Select(c => new[] { c.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(c.Rating), c.Language, c.Comment })),
        _ => null,
    };

    public static IEnumerable<(string Key, string Value)> Totals(AnalyticsTotals t) =>
    [
        ("conversations", N(t.Conversations)), ("messages", N(t.Messages)), ("answered_with_card", N(t.Answered)), ("not_answered", N(t.Gaps)),
        ("conversations_handed_over", N(t.HandedOver)), ("containment", t.Containment.ToString("0.####", CultureInfo.InvariantCulture)),
        ("handoffs", N(t.Handoffs)), ("callback_requests", N(t.Callbacks)), ("bookings", N(t.Bookings)), ("cancellations", N(t.Cancellations)),
        ("ratings", N(t.Ratings)), ("average_rating", t.AverageRating?.ToString("0.##", CultureInfo.InvariantCulture) ?? ""),
    ];

    private static string[] Row(AnalyticsRow r) => [r.Key, N(r.Conversations), N(r.Messages), N(r.Handoffs)];

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Csv(string[] header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            csv.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        }

        return csv.ToString();
    }

    // Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs a resident's text as a formula.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}

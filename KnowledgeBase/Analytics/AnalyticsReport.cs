using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Analytics;

/// <summary>Which events a report covers: a period of office days, optionally one channel and one language.</summary>
public sealed record AnalyticsFilter(DateOnly From, DateOnly To, string? Channel = null, string? Language = null);

public sealed record AnalyticsTotals(int Conversations, int Messages, int Answered, int Gaps, int HandedOver, double Containment, int Handoffs, int Callbacks, int Bookings, int Cancellations, int Ratings, double? AverageRating);

public sealed record AnalyticsRow(string Key, int Conversations, int Messages, int Handoffs);

public sealed record DayRow(DateOnly Day, int Conversations, int Messages);

public sealed record CountRow(string Key, int Count);

public sealed record CommentRow(DateOnly Day, int Rating, string Comment, string Language);

/// <summary>The figures of one period, with breakdowns by channel and language.</summary>
public sealed record AnalyticsSummary(
    AnalyticsFilter Filter,
    AnalyticsTotals Totals,
    IReadOnlyList<AnalyticsRow> ByChannel,
    IReadOnlyList<AnalyticsRow> ByLanguage,
    IReadOnlyList<DayRow> ByDay,
    IReadOnlyList<CountRow> TopServices,
    IReadOnlyList<CountRow> Gaps,
    IReadOnlyList<CommentRow> Comments);

/// <summary>
/// The office's figures, mostly from the daily counts (<see cref="AnalyticsDailyRecord"/>): conversations,
/// messages, how many were answered without a person (containment), handoffs and callback
/// requests, the most asked services, the questions that found no answer (grouped), bookings and
/// cancellations, ratings. Each figure sums at most a row per day, channel, language and card; only
/// the unanswered questions are grouped from the events, over a covering index.
/// </summary>
public sealed class AnalyticsReport(AssistantDbContext db)
{
    public const int TopCount = 10;
    public const int GapCount = 25;

    // Column names quoted and sums cast to the type read, so SQLite and PostgreSQL run the same SQL.
    private const string Where = "\"Day\" >= @from AND \"Day\" <= @to AND (@channel IS NULL OR \"Channel\" = @channel) AND (@language IS NULL OR \"Language\" = @language)";



    public async Task<AnalyticsSummary> BuildAsync(AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var counts = await RowsAsync<KindCount>(filter,
            $"SELECT \"Kind\", \"Outcome\", CAST(SUM(\"Count\") AS INTEGER) AS \"Count\", CAST(SUM(\"ValueSum\") AS BIGINT) AS \"ValueSum\" FROM analytics_daily WHERE {Where} GROUP BY \"Kind\", \"Outcome\"", cancellationToken);
        int Count(string kind, string? outcome = null) => counts.Where(c => c.Kind == kind && (outcome is null || c.Outcome == outcome)).Sum(c => c.Count);
        var conversations = Count(AnalyticsKinds.Conversation);
        var handoffs = Count(AnalyticsKinds.Handoff);
        var ratings = Count(AnalyticsKinds.Rating);
        var ratingSum = counts.Where(c => c.Kind == AnalyticsKinds.Rating).Sum(c => c.ValueSum);
        var totals = new AnalyticsTotals(
            conversations, Count(AnalyticsKinds.Message), Count(AnalyticsKinds.Message, MessageOutcomes.Answered), Count(AnalyticsKinds.Message, MessageOutcomes.Gap),
            Math.Min(handoffs, conversations), conversations == 0 ? 0 : Math.Round(1 - (double)Math.Min(handoffs, conversations) / conversations, 4),
            handoffs, Count(AnalyticsKinds.Callback), Count(AnalyticsKinds.Booking), Count(AnalyticsKinds.Cancellation),
            ratings, ratings == 0 ? null : Math.Round((double)ratingSum / ratings, 2));

        var days = await RowsAsync<Breakdown>(filter,
            $"SELECT CAST(\"Day\" AS TEXT) AS \"Key\", {Sum("conversation")} AS \"Conversations\", {Sum("message")} AS \"Messages\", " +
            $"0 AS \"Handoffs\" FROM analytics_daily WHERE \"Kind\" IN ('conversation', 'message') AND {Where} GROUP BY \"Day\" ORDER BY \"Day\"", cancellationToken);
        var top = await RowsAsync<KeyCount>(filter,
            $"SELECT \"Key\", CAST(SUM(\"Count\") AS INTEGER) AS \"Count\" FROM analytics_daily WHERE \"Kind\" = 'message' AND \"Outcome\" = 'answered' AND \"Key\" <> '' AND {Where} GROUP BY \"Key\" ORDER BY \"Count\" DESC, \"Key\" LIMIT {TopCount}", cancellationToken);
        // Unanswered questions are counted from the events themselves: their texts are too varied to count per day.
        var gaps = await RowsAsync<KeyCount>(filter,
            $"SELECT \"Text\" AS \"Key\", CAST(COUNT(*) AS INTEGER) AS \"Count\" FROM analytics_events WHERE \"Kind\" = 'message' AND \"Outcome\" = 'gap' AND \"Text\" IS NOT NULL AND {Where} GROUP BY \"Text\" ORDER BY \"Count\" DESC, \"Text\" LIMIT {GapCount}", cancellationToken);
        var comments = await Comments(filter).OrderByDescending(e => e.Id).Take(50)
            .Select(e => new CommentRow(e.Day, e.Value ?? 0, e.Text!, e.Language)).ToListAsync(cancellationToken);

        return new AnalyticsSummary(
            filter,
            totals,
            await BreakdownAsync(filter, "Channel", cancellationToken),
            await BreakdownAsync(filter, "Language", cancellationToken),
            days.Select(d => new DayRow(DateOnly.ParseExact(d.Key!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Conversations, d.Messages)).ToList(),
            top.Select(r => new CountRow(r.Key!, r.Count)).ToList(),
            gaps.Select(r => new CountRow(r.Key!, r.Count)).ToList(),
            comments);
    }

    private async Task<List<AnalyticsRow>> BreakdownAsync(AnalyticsFilter filter, string column, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync<Breakdown>(filter,
            $"SELECT \"{column}\" AS \"Key\", {Sum("conversation")} AS \"Conversations\", {Sum("message")} AS \"Messages\", " +
            $"{Sum("handoff")} AS \"Handoffs\" FROM analytics_daily WHERE \"Kind\" IN ('conversation', 'message', 'handoff') AND {Where} GROUP BY \"{column}\"",
            cancellationToken);
        return rows.Select(r => new AnalyticsRow(r.Key!, r.Conversations, r.Messages, r.Handoffs))
            .OrderByDescending(r => r.Messages).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    private static string Sum(string kind) => $"CAST(SUM(CASE WHEN \"Kind\" = '{kind}' THEN \"Count\" ELSE 0 END) AS INTEGER)";

    // Days are bound as dates: SQLite's driver writes them as the yyyy-MM-dd text stored, PostgreSQL compares dates.
    private Task<List<T>> RowsAsync<T>(AnalyticsFilter filter, string sql, CancellationToken cancellationToken)
    {
        var dialect = StorageDialect.Of(db.Database);
        return db.Database.SqlQueryRaw<T>(sql,
            dialect.Parameter("@from", filter.From),
            dialect.Parameter("@to", filter.To),
            dialect.TextParameter("@channel", filter.Channel),
            dialect.TextParameter("@language", filter.Language))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<AnalyticsEventRecord> Comments(AnalyticsFilter filter)
    {
        var events = db.AnalyticsEvents.AsNoTracking().Where(e => e.Kind == AnalyticsKinds.Comment && e.Day >= filter.From && e.Day <= filter.To && e.Text != null);
        if (filter.Channel is { } channel)
        {
            events = events.Where(e => e.Channel == channel);
        }

        if (filter.Language is { } language)
        {
            events = events.Where(e => e.Language == language);
        }

        return events;
    }

    private sealed class KindCount
    {
        public string Kind { get; set; } = "";
        public string Outcome { get; set; } = "";
        public int Count { get; set; }
        public long ValueSum { get; set; }
    }

    private sealed class KeyCount
    {
        public string? Key { get; set; }
        public int Count { get; set; }
    }

    private sealed class Breakdown
    {
        public string? Key { get; set; }
        public int Conversations { get; set; }
        public int Messages { get; set; }
        public int Handoffs { get; set; }
    }
}

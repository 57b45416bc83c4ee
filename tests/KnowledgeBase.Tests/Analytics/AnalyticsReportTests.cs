using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Tests.Analytics;

/// <summary>The office's figures over a known set of events in a real SQLite file with the real migrations.</summary>
public class AnalyticsReportTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private readonly TemporaryFolder folder = new();

    private TestDatabase database = null!;

    /// <summary>The engine these tests run on; <see cref="AnalyticsReportTestsOnPostgreSql"/> runs them again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private AssistantDbContext NewContext() => database.NewContext();

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Provider, folder.Path, Ct);
        await using var db = NewContext();
        await AssistantDatabase.MigrateAsync(db, Ct);
        var events = new List<AnalyticsEventRecord>();
        void Add(string kind, DateOnly day, string channel, string language, string? conversation = null, string? card = null, string? outcome = null, int? value = null, string? text = null) =>
            events.Add(new AnalyticsEventRecord
            {
                Kind = kind, At = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), Day = day, Channel = channel, Language = language,
                ConversationId = conversation, CardId = card, Outcome = outcome, Value = value, Text = text,
            });

        foreach (var (conversation, day, channel, language) in new[] { ("c1", Monday, "directline", "pl"), ("c2", Monday, "directline", "pl"), ("c3", Monday.AddDays(1), "directline", "pl"), ("m1", Monday.AddDays(1), "messenger", "en"), ("old", Monday.AddDays(-10), "directline", "pl") })
        {
            Add(AnalyticsKinds.Conversation, day, channel, language, conversation);
        }

        // Web chat in Polish: three conversations, two asking about car registration, one gap asked twice.
        Add(AnalyticsKinds.Message, Monday, "directline", "pl", "c1", "rejestracja-pojazdu-uzywanego", MessageOutcomes.Answered);
        Add(AnalyticsKinds.Message, Monday, "directline", "pl", "c1", null, MessageOutcomes.Other);
        Add(AnalyticsKinds.Message, Monday, "directline", "pl", "c2", "rejestracja-pojazdu-uzywanego", MessageOutcomes.Answered);
        Add(AnalyticsKinds.Message, Monday.AddDays(1), "directline", "pl", "c3", null, MessageOutcomes.Gap, text: "gdzie kupić bilet miesięczny");
        Add(AnalyticsKinds.Message, Monday.AddDays(1), "directline", "pl", "c3", null, MessageOutcomes.Gap, text: "gdzie kupić bilet miesięczny");
        // Messenger in English: one conversation handed to a clerk, then rated.
        Add(AnalyticsKinds.Message, Monday.AddDays(1), "messenger", "en", "m1", "paszport-dla-dziecka", MessageOutcomes.Answered);
        Add(AnalyticsKinds.Handoff, Monday.AddDays(1), "messenger", "en", "m1", "paszport-dla-dziecka");
        Add(AnalyticsKinds.Rating, Monday.AddDays(1), "messenger", "en", "m1", value: 5);
        Add(AnalyticsKinds.Comment, Monday.AddDays(1), "messenger", "en", "m1", value: 5, text: "very helpful");
        Add(AnalyticsKinds.Rating, Monday, "directline", "pl", "c1", value: 3);
        Add(AnalyticsKinds.Callback, Monday, "directline", "pl", "c2");
        Add(AnalyticsKinds.Booking, Monday, "chat", "pl", card: "kt-rejestracja");
        Add(AnalyticsKinds.Booking, Monday.AddDays(1), "voice", "uk", card: "kt-rejestracja");
        Add(AnalyticsKinds.Cancellation, Monday.AddDays(1), "chat", "pl", card: "kt-rejestracja");
        // Outside the period: never counted.
        Add(AnalyticsKinds.Message, Monday.AddDays(-10), "directline", "pl", "old", "rejestracja-pojazdu-uzywanego", MessageOutcomes.Answered);
        db.AnalyticsEvents.AddRange(events);
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        TestDatabase.ReleaseConnections();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<AnalyticsSummary> ReportAsync(AnalyticsFilter filter)
    {
        await using var db = NewContext();
        return await new AnalyticsReport(db).BuildAsync(filter, Ct);
    }

    [Fact]
    public async Task The_period_totals_match_the_events()
    {
        var summary = await ReportAsync(new AnalyticsFilter(Monday, Monday.AddDays(6)));
        Assert.Equal(new AnalyticsTotals(Conversations: 4, Messages: 6, Answered: 3, Gaps: 2, HandedOver: 1, Containment: 0.75, Handoffs: 1, Callbacks: 1,
            Bookings: 2, Cancellations: 1, Ratings: 2, AverageRating: 4), summary.Totals);
        Assert.Equal([new AnalyticsRow("directline", 3, 5, 0), new AnalyticsRow("messenger", 1, 1, 1)], summary.ByChannel);
        Assert.Equal([new AnalyticsRow("pl", 3, 5, 0), new AnalyticsRow("en", 1, 1, 1)], summary.ByLanguage);
        Assert.Equal([new DayRow(Monday, 2, 3), new DayRow(Monday.AddDays(1), 2, 3)], summary.ByDay);
        Assert.Equal([new CountRow("rejestracja-pojazdu-uzywanego", 2), new CountRow("paszport-dla-dziecka", 1)], summary.TopServices);
        Assert.Equal([new CountRow("gdzie kupić bilet miesięczny", 2)], summary.Gaps);
        Assert.Equal("very helpful", Assert.Single(summary.Comments).Comment);
    }

    [Fact]
    public async Task Channel_language_and_period_filters_narrow_every_figure()
    {
        var messenger = await ReportAsync(new AnalyticsFilter(Monday, Monday.AddDays(6), Channel: "messenger"));
        Assert.Equal((1, 1, 0.0, 5.0), (messenger.Totals.Conversations, messenger.Totals.Messages, messenger.Totals.Containment, messenger.Totals.AverageRating!.Value));

        var polishMonday = await ReportAsync(new AnalyticsFilter(Monday, Monday, Language: "pl"));
        Assert.Equal((2, 3, 1.0, 0, 1), (polishMonday.Totals.Conversations, polishMonday.Totals.Messages, polishMonday.Totals.Containment, polishMonday.Totals.Gaps, polishMonday.Totals.Bookings));
        Assert.Empty(polishMonday.Gaps);

        var empty = await ReportAsync(new AnalyticsFilter(Monday.AddDays(30), Monday.AddDays(31)));
        Assert.Equal((0, 0.0, (double?)null), (empty.Totals.Conversations, empty.Totals.Containment, empty.Totals.AverageRating));
    }
}

/// <summary>The same tests against PostgreSQL (a throwaway cluster, see tests/PostgreSql).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class AnalyticsReportTestsOnPostgreSql : AnalyticsReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}

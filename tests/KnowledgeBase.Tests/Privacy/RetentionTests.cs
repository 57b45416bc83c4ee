using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Asystent.KnowledgeBase.Tests.Privacy.PrivacyRecords;

namespace Asystent.KnowledgeBase.Tests.Privacy;

/// <summary>The retention worker on a real SQLite file with a clock the test moves.</summary>
public class RetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("asystent-retention-").FullName;
    private readonly FakeTimeProvider clock = new(Start);
    private ServiceProvider services = null!;

    /// <summary>The engine these tests run on; <see cref="RetentionOnPostgreSqlTests"/> runs them again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async ValueTask InitializeAsync()
    {
        var connectionString = Provider == DatabaseProvider.PostgreSQL
            ? await Asystent.Tests.PostgreSql.PostgreSqlServer.NewDatabaseAsync(Token)
            : $"Data Source={Path.Combine(folder, "assistant.db")};Pooling=False";
        services = new ServiceCollection()
            .AddDbContext<AssistantDbContext>(db => StorageDialect.For(Provider).Configure(db, connectionString))
            .AddScoped<RetentionSweeper>()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(Options.Create(new RetentionOptions()))
            .BuildServiceProvider();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<T> WithDbAsync<T>(Func<AssistantDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AssistantDbContext>());
    }

    [Fact]
    public async Task The_worker_removes_only_what_is_older_than_its_period_as_the_clock_moves()
    {
        await WithDbAsync(async db =>
        {
            await AssistantDatabase.MigrateAsync(db, Token);
            db.Conversations.AddRange(Conversation("old", Start.AddDays(-1), "{\"booking\":{\"phone\":\"+48600100200\"}}"), Conversation("recent", Start, "{\"language\":\"pl\"}"));
            db.ConversationActivities.AddRange(Activity("old", Start.AddDays(-1)), Activity("recent", Start));
            db.Appointments.AddRange(Visit("K7M4-XQ3H", Start.AddDays(-1), "+48600100200"), Visit("K7M4-XQ3J", Start.AddDays(20), "+48600100201"));
            db.CallbackRequests.Add(Callback("+48600100200", Start.AddDays(-1)));
            db.Outbox.AddRange(Sms("+48600100200", Start.AddDays(-1), "sent"), Sms("+48600100201", Start.AddDays(19), "pending"));
            db.SearchQueries.Add(PrivacyRecords.Search(Start.AddDays(-1)));
            db.AnalyticsEvents.Add(Event(Start.AddDays(-1)));
            return await db.SaveChangesAsync(Token);
        });

        using var worker = new RetentionWorker(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new RetentionOptions()), clock, NullLogger<RetentionWorker>.Instance);
        var sweeps = System.Threading.Channels.Channel.CreateUnbounded<RetentionResult>();
        worker.Swept += result => sweeps.Writer.TryWrite(result);
        await worker.StartAsync(Token);

        // At start nothing is old enough.
        Assert.Equal(0, (await sweeps.Reader.ReadAsync(Token)).Total);

        // Moving the clock by days fires many ticks, which the timer folds into one or two sweeps: add them up.
        async Task<RetentionResult> AfterAsync(TimeSpan time)
        {
            clock.Advance(time);
            var total = await sweeps.Reader.ReadAsync(Token);
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(Token);
            quiet.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                while (true)
                {
                    var more = await sweeps.Reader.ReadAsync(quiet.Token);
                    total = new RetentionResult(total.Conversations + more.Conversations, total.DialogueStates + more.DialogueStates, total.SearchRecords + more.SearchRecords,
                        total.CallbackRequests + more.CallbackRequests, total.PastVisits + more.PastVisits, total.Notifications + more.Notifications,
                        total.CaseWatches + more.CaseWatches, total.AnalyticsEvents + more.AnalyticsEvents);
                }
            }
            catch (OperationCanceledException) when (!Token.IsCancellationRequested)
            {
                return total;
            }
        }

        // Eight days on: both conversations' dialogue states (7 days) go, their transcripts (90 days) stay.
        var week = await AfterAsync(TimeSpan.FromDays(8));
        Assert.Equal(2, week.DialogueStates);
        Assert.Equal(0, week.Conversations);
        Assert.Equal(2, await WithDbAsync(db => db.ConversationActivities.CountAsync(Token)));
        Assert.Null(await WithDbAsync(db => db.Conversations.Where(c => c.Id == "old").Select(c => c.StateJson).SingleAsync(Token)));

        // Thirty-two days on: the past visit keeps its slot but loses name and phone; the sent SMS goes; the future visit and its pending reminder stay.
        var month = await AfterAsync(TimeSpan.FromDays(24));
        Assert.Equal(1, month.PastVisits);
        Assert.Equal(1, month.Notifications);
        var past = await WithDbAsync(db => db.Appointments.SingleAsync(a => a.Code == "K7M4-XQ3H", Token));
        Assert.Equal(("", null, null), (past.Name, past.Phone, past.Email));
        Assert.Equal("+48600100201", (await WithDbAsync(db => db.Appointments.SingleAsync(a => a.Code == "K7M4-XQ3J", Token))).Phone);
        Assert.Equal(1, await WithDbAsync(db => db.Outbox.CountAsync(Token)));

        // A hundred days on: the old conversation with its transcript and the callback request go; the recent conversation is gone too (90 days idle).
        var quarter = await AfterAsync(TimeSpan.FromDays(68));
        Assert.Equal(1, quarter.CallbackRequests);
        Assert.Equal(2, quarter.Conversations);
        Assert.Equal(0, await WithDbAsync(db => db.ConversationActivities.CountAsync(Token)));

        // Past a year: search records (180 days) and analytics events (365 days).
        var year = await AfterAsync(TimeSpan.FromDays(266));
        Assert.Equal(0, await WithDbAsync(db => db.SearchQueries.CountAsync(Token)));
        Assert.Equal(0, await WithDbAsync(db => db.AnalyticsEvents.CountAsync(Token)));
        Assert.Equal((1, 1), (year.SearchRecords, year.AnalyticsEvents));
        await worker.StopAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await services.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>The same sweeps against PostgreSQL (a throwaway cluster, see tests/PostgreSql).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class RetentionOnPostgreSqlTests : RetentionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}

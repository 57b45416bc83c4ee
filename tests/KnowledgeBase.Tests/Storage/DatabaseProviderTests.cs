using Asystent.KnowledgeBase.Storage;
using Asystent.Tests.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Tests.Storage;

/// <summary>Database:Provider as the operator writes it, and migrations when several nodes start at once.</summary>
public sealed class DatabaseProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSQL)]
    [InlineData(" postgresql ", DatabaseProvider.PostgreSQL)]
    [InlineData("Postgres", DatabaseProvider.PostgreSQL)]
    public void The_provider_is_read_in_any_case_and_defaults_to_SQLite(string? configured, DatabaseProvider expected) =>
        Assert.Equal(expected, StorageDialect.ParseProvider(configured));

    [Fact]
    public void An_unknown_provider_or_a_PostgreSQL_without_a_connection_string_stops_the_start_saying_why()
    {
        var unknown = Assert.Throws<InvalidOperationException>(() => StorageDialect.ParseProvider("MySQL"));
        Assert.Contains("Sqlite", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", unknown.Message, StringComparison.Ordinal);

        var empty = Assert.Throws<InvalidOperationException>(() => StorageDialect.For(DatabaseProvider.PostgreSQL).ResolveConnectionString(null, "/srv"));
        Assert.Contains("ConnectionStrings:Assistant", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Database", "PostgreSQL")]
    public async Task Four_nodes_starting_together_on_one_PostgreSQL_database_migrate_it_once()
    {
        var connectionString = await PostgreSqlServer.NewDatabaseAsync(Ct);
        AssistantDbContext NewContext()
        {
            var options = new DbContextOptionsBuilder<AssistantDbContext>();
            StorageDialect.For(DatabaseProvider.PostgreSQL).Configure(options, connectionString);
            return new AssistantDbContext(options.Options);
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = NewContext();
            await AssistantDatabase.MigrateAsync(db, Ct);
        }));

        await using var check = NewContext();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal((await check.Database.GetAppliedMigrationsAsync(Ct)).Count(), check.Database.GetMigrations().Count());
        // The analytics trigger came with the migration: an event is counted per day.
        check.AnalyticsEvents.Add(new Asystent.KnowledgeBase.Analytics.AnalyticsEventRecord
        {
            Kind = "message", At = new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc), Day = new DateOnly(2026, 12, 3), Channel = "webchat", Language = "pl",
        });
        await check.SaveChangesAsync(Ct);
        Assert.Equal(1, (await check.AnalyticsDaily.SingleAsync(Ct)).Count);
    }
}

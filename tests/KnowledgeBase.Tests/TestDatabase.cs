using Asystent.KnowledgeBase.Storage;
using Asystent.Tests.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Tests;

/// <summary>
/// The database a storage test runs against: a SQLite file in the test's folder, or a fresh database
/// on the throwaway PostgreSQL cluster (<see cref="PostgreSqlServer"/>). Test classes take the engine
/// as a virtual property, and a class "…OnPostgreSql" reruns all their tests on PostgreSQL.
/// </summary>
public sealed class TestDatabase
{
    private TestDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string folder, CancellationToken cancellationToken) =>
        provider == DatabaseProvider.PostgreSQL
            ? new(provider, await PostgreSqlServer.NewDatabaseAsync(cancellationToken))
            : new(provider, $"Data Source={Path.Combine(folder, "assistant.db")}");

    public AssistantDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AssistantDbContext>();
        StorageDialect.For(Provider).Configure(options, ConnectionString);
        return new AssistantDbContext(options.Options);
    }

    /// <summary>Releases pooled connections so the test's folder (SQLite) can be deleted.</summary>
    public static void ReleaseConnections()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}

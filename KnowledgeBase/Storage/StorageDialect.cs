using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Asystent.KnowledgeBase.Storage;

/// <summary>Which database engine holds the assistant's data (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the assistant: one machine, nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several nodes share it.</summary>
    PostgreSQL,
}

/// <summary>
/// The one place that knows which engine is underneath: how the context is configured and migrated,
/// how the hand-written SQL of the hot paths (the conversation writer's group commits, the batch
/// writers, the retention sweep, the analytics report) binds its values, how a unique-key collision
/// looks, and whether an online copy can be made. Everything else speaks EF Core and stays the same.
/// The hand-written SQL quotes its column names ("UpdatedAt"), which both engines read alike: the
/// tables use EF Core's names, and PostgreSQL folds unquoted names to lower case.
/// </summary>
public abstract class StorageDialect
{
    /// <summary>The PostgreSQL migrations live in their own assembly (KnowledgeBase.PostgreSQL).</summary>
    public const string PostgreSqlMigrationsAssembly = "Asystent.KnowledgeBase.PostgreSQL";

    private static readonly StorageDialect SqliteDialect = new SqliteStorage();

    private static readonly StorageDialect PostgreSqlDialect = new PostgreSqlStorage();

    public abstract DatabaseProvider Provider { get; }

    public static StorageDialect For(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSQL ? PostgreSqlDialect : SqliteDialect;

    /// <summary>The dialect of the engine a context is connected to.</summary>
    public static StorageDialect Of(DatabaseFacade database) => database.IsNpgsql() ? PostgreSqlDialect : SqliteDialect;

    /// <summary>Reads <c>Database:Provider</c>: Sqlite (also when missing) or PostgreSQL, any case; anything else is refused at start-up.</summary>
    public static DatabaseProvider ParseProvider(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? DatabaseProvider.Sqlite
        : Enum.TryParse<DatabaseProvider>(configured.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
        : configured.Trim().Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSQL
        : throw new InvalidOperationException($"Database:Provider '{configured}' is not known: use Sqlite (the default) or PostgreSQL.");

    /// <summary>The connection string as the engine wants it (for SQLite: the file made absolute against the root, its folder created).</summary>
    public abstract string ResolveConnectionString(string? configured, string root);

    public abstract void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Applies pending migrations; safe at every start, and when several nodes start together.</summary>
    public abstract Task MigrateAsync(AssistantDbContext db, CancellationToken cancellationToken);

    /// <summary>Settings a writing connection of the conversation writer takes before its transaction.</summary>
    public virtual Task PrepareWriterAsync(DbConnection connection) => Task.CompletedTask;

    /// <summary>Prepares a command run many times in one transaction (SQLite compiles it once; Npgsql prepares by itself once it has parameter types).</summary>
    public virtual void Prepare(DbCommand command)
    {
    }

    /// <summary>A named parameter (<c>@name</c> in the SQL) holding <paramref name="value"/> as the engine stores it.</summary>
    public DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        SetValue(parameter, value);
        return parameter;
    }

    /// <summary>Puts a value into a parameter as this engine stores it (times in UTC, JSON as text).</summary>
    public abstract void SetValue(DbParameter parameter, object? value);

    /// <summary>A standalone parameter for <c>SqlQueryRaw</c>/<c>ExecuteSqlRaw</c>.</summary>
    public abstract DbParameter Parameter(string name, object? value);

    /// <summary>A text parameter that may be NULL and is compared with NULL in SQL (<c>@channel IS NULL</c>): PostgreSQL needs its type.</summary>
    public virtual DbParameter TextParameter(string name, string? value) => Parameter(name, value);

    /// <summary>Inserts or updates a conversation (parameters @id, @channel, @user, @locale, @state, @now).</summary>
    public abstract string UpsertConversationSql { get; }

    /// <summary>Inserts a transcript entry once (parameters @id, @sequence, @type, @timestamp, @json).</summary>
    public virtual string InsertActivitySql => """
        INSERT INTO conversation_activities ("ConversationId", "Sequence", "Type", "Timestamp", "Json")
        VALUES (@id, @sequence, @type, @timestamp, @json)
        ON CONFLICT ("ConversationId", "Sequence") DO NOTHING
        """;

    /// <summary>
    /// Makes transactions naming the same <paramref name="key"/> take turns until they end (a booking of
    /// one slot). Nothing on SQLite, whose writers take turns anyway.
    /// </summary>
    public virtual Task LockForTransactionAsync(DatabaseFacade database, string key, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether a failed save collided with a unique index (a booked seat taken meanwhile).</summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>Whether <c>Indexer backup</c> can copy this database itself (PostgreSQL has pg_dump for that).</summary>
    public abstract bool CanCopyOnline { get; }

    private sealed class SqliteStorage : StorageDialect
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override string ResolveConnectionString(string? configured, string root) => AssistantDatabase.ResolveConnectionString(configured, root);

        public override void Configure(DbContextOptionsBuilder options, string connectionString) => options.UseSqlite(connectionString);

        // Write-ahead logging: readers (staff pages) do not wait for the conversation writer, and a
        // commit appends to the log instead of rewriting pages. The setting is stored in the file, so
        // it holds for every connection. One process owns the file, so two starts never race here.
        public override async Task MigrateAsync(AssistantDbContext db, CancellationToken cancellationToken)
        {
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // In write-ahead-log mode, synchronous=NORMAL syncs the log at checkpoints instead of at every
        // commit: a commit is durable once it is in the operating system's hands, so it survives the
        // process being killed (the promise of a post's answer), though not the machine losing power.
        // The sync at every commit kept every waiting post waiting for the disk as well.
        public override async Task PrepareWriterAsync(DbConnection connection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync();
        }

        public override void Prepare(DbCommand command) => command.Prepare();

        // JSON is bound as UTF-8 bytes and stored as text as it is (the database's encoding is UTF-8)
        // rather than through a UTF-16 string and back.
        public override string UpsertConversationSql => """
            INSERT INTO conversations ("Id", "Channel", "UserId", "Locale", "StateJson", "CreatedAt", "UpdatedAt", "Version")
            VALUES (@id, @channel, @user, @locale, CAST(@state AS TEXT), @now, @now, 1)
            ON CONFLICT ("Id") DO UPDATE SET
                "UserId" = coalesce(excluded."UserId", "UserId"),
                "Locale" = coalesce(excluded."Locale", "Locale"),
                "StateJson" = coalesce(excluded."StateJson", "StateJson"),
                "UpdatedAt" = excluded."UpdatedAt",
                "Version" = "Version" + 1
            """;

        public override string InsertActivitySql => """
            INSERT INTO conversation_activities ("ConversationId", "Sequence", "Type", "Timestamp", "Json")
            VALUES (@id, @sequence, @type, @timestamp, CAST(@json AS TEXT))
            ON CONFLICT ("ConversationId", "Sequence") DO NOTHING
            """;

        // Times as EF Core's SQLite provider writes them (text whose order is time order, all in UTC).
        public override void SetValue(DbParameter parameter, object? value) => parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            _ => value,
        };

        public override DbParameter Parameter(string name, object? value)
        {
            var parameter = new SqliteParameter { ParameterName = name };
            SetValue(parameter, value);
            return parameter;
        }

        public override bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException is SqliteException { SqliteErrorCode: 19 };

        public override bool CanCopyOnline => true;
    }

    private sealed class PostgreSqlStorage : StorageDialect
    {
        // Any number that no other application on the same database uses; every node takes the same one.
        private const long MigrationLockKey = 0x417379_7374656E; // "Asysten"

        public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

        public override string ResolveConnectionString(string? configured, string root) =>
            string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Assistant is empty: give the server's connection string (Host=...;Database=...;Username=...;Password=...).")
                : configured;

        public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));

        // Two nodes starting together would both see the same pending migrations and both apply them:
        // a session-level advisory lock lets one migrate while the other waits, then finds nothing to do.
        public override async Task MigrateAsync(AssistantDbContext db, CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [MigrationLockKey], cancellationToken);
                try
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }
                finally
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [MigrationLockKey], CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        // Excluded values are qualified, and so are the table's own: PostgreSQL reads a bare name in
        // DO UPDATE as ambiguous.
        public override string UpsertConversationSql => """
            INSERT INTO conversations ("Id", "Channel", "UserId", "Locale", "StateJson", "CreatedAt", "UpdatedAt", "Version")
            VALUES (@id, @channel, @user, @locale, @state, @now, @now, 1)
            ON CONFLICT ("Id") DO UPDATE SET
                "UserId" = coalesce(excluded."UserId", conversations."UserId"),
                "Locale" = coalesce(excluded."Locale", conversations."Locale"),
                "StateJson" = coalesce(excluded."StateJson", conversations."StateJson"),
                "UpdatedAt" = excluded."UpdatedAt",
                "Version" = conversations."Version" + 1
            """;

        // timestamptz takes UTC only; DateTime columns are "timestamp without time zone" (as SQLite
        // kept them: the wall-clock value, no kind); JSON arrives as UTF-8 bytes and is stored as text.
        public override void SetValue(DbParameter parameter, object? value)
        {
            var npgsql = (NpgsqlParameter)parameter;
            switch (value)
            {
                case null:
                    npgsql.ResetDbType();
                    npgsql.Value = DBNull.Value;
                    break;
                case DateTimeOffset time:
                    npgsql.NpgsqlDbType = NpgsqlDbType.TimestampTz;
                    npgsql.Value = time.ToUniversalTime();
                    break;
                case DateTime time:
                    npgsql.NpgsqlDbType = NpgsqlDbType.Timestamp;
                    npgsql.Value = DateTime.SpecifyKind(time, DateTimeKind.Unspecified);
                    break;
                case byte[] utf8:
                    npgsql.NpgsqlDbType = NpgsqlDbType.Text;
                    npgsql.Value = System.Text.Encoding.UTF8.GetString(utf8);
                    break;
                default:
                    npgsql.ResetDbType();
                    npgsql.Value = value;
                    break;
            }
        }

        public override DbParameter Parameter(string name, object? value)
        {
            var parameter = new NpgsqlParameter { ParameterName = name };
            SetValue(parameter, value);
            return parameter;
        }

        public override async Task LockForTransactionAsync(DatabaseFacade database, string key, CancellationToken cancellationToken) =>
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended({0}, 0))", [key], cancellationToken);

        public override DbParameter TextParameter(string name, string? value) =>
            new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

        public override bool IsUniqueViolation(DbUpdateException exception) =>
            exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

        public override bool CanCopyOnline => false;
    }
}

/// <summary>Provider checks that do not need the provider's own package in the caller.</summary>
internal static class DatabaseFacadeProviders
{
    public static bool IsNpgsql(this DatabaseFacade database) => database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}

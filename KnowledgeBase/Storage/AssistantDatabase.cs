using Microsoft.Data.Sqlite;

namespace Asystent.KnowledgeBase.Storage;

public static class AssistantDatabase
{
    public const string DefaultConnectionString = "Data Source=data/assistant.db";

    /// <summary>Makes a relative SQLite file path absolute against the assistant's root and creates its folder.</summary>
    public static string ResolveConnectionString(string? configured, string root)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, root);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>Applies pending migrations: safe to call at every start, on any engine, on several nodes at once (see <see cref="StorageDialect"/>).</summary>
    public static Task MigrateAsync(AssistantDbContext db, CancellationToken cancellationToken) =>
        StorageDialect.Of(db.Database).MigrateAsync(db, cancellationToken);
}

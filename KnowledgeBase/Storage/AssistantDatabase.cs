using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Applies pending migrations (safe to call at every start) and switches the file to write-ahead
    /// logging: readers (staff pages) do not wait for the conversation writer, and a commit appends to
    /// the log instead of rewriting pages. The setting is stored in the file, so it holds for every connection.
    /// </summary>
    public static async Task MigrateAsync(AssistantDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}

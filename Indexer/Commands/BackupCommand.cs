using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

/// <summary><c>backup --to FILE</c> (or <c>backup FILE</c>): an online copy of the database, safe while the Bot runs.</summary>
internal static class BackupCommand
{
    private const string Usage = "Usage: Indexer backup --to FILE";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var file = args switch
        {
            ["--to", var to] => to,
            [var to] when !to.StartsWith("--", StringComparison.Ordinal) => to,
            _ => throw new CommandLineException(Usage),
        };

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        if (!StorageDialect.Of(db.Database).CanCopyOnline)
        {
            throw new CommandLineException("The database is on PostgreSQL: back it up with pg_dump (see docs/deploy.md); Indexer backup copies the SQLite file only.");
        }

        await AssistantDatabase.MigrateAsync(db, CancellationToken.None);
        var bytes = DatabaseBackup.Copy(db.Database.GetConnectionString()!, file);
        await output.WriteLineAsync($"Backed up the database to {Path.GetFullPath(file)} ({bytes / 1024} KiB).");
        return ExitCodes.Success;
    }
}

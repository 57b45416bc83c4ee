using Microsoft.Data.Sqlite;

namespace Asystent.KnowledgeBase.Privacy;

/// <summary>
/// An online copy of the SQLite database through SQLite's backup API: consistent even while the Bot
/// writes (the copy restarts pages a writer changed), and written to a new file that can replace the
/// database as it is (see docs/privacy.md, "Backup and restore").
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Copies the database of <paramref name="connectionString"/> to <paramref name="file"/>; returns the copy's size in bytes.</summary>
    public static long Copy(string connectionString, string file)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        File.Delete(partial);
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString()))
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            // The copy is a single file: no write-ahead log beside it.
            using var command = target.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }

        // Only a complete copy takes the name asked for.
        File.Move(partial, full, overwrite: true);
        return new FileInfo(full).Length;
    }
}

namespace Asystent.KnowledgeBase.ServiceCards.Editing;

/// <summary>
/// The exclusive lock on <c>{IndexPath}/editor.lock</c> that a card publication holds while it writes a
/// card file and builds a generation, and that <c>Indexer build</c> takes too, so a build from the
/// command line never mixes with a publication from the editor. FileShare.None is an exclusive lock
/// (flock on Linux) that another open, in this process or another, is refused until it is released.
/// Dispose the stream to release it.
/// </summary>
public static class IndexFolderLock
{
    public const string FileName = "editor.lock";

    public static string PathIn(string indexPath) => System.IO.Path.Combine(indexPath, FileName);

    /// <summary>The lock, or null when someone else holds it.</summary>
    public static FileStream? TryTake(string indexPath)
    {
        Directory.CreateDirectory(indexPath);
        try
        {
            return new FileStream(PathIn(indexPath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The lock, waiting for it at most <paramref name="wait"/>; null when it stayed held.</summary>
    public static async Task<FileStream?> TakeAsync(string indexPath, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            if (TryTake(indexPath) is { } taken)
            {
                return taken;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return null;
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}

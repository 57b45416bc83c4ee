using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Analyzers;
using Microsoft.Extensions.Logging;

namespace Asystent.KnowledgeBase.ServiceCards.Editing;

public enum RebuildOutcome
{
    Built,

    /// <summary>The card file is not the one the editor started from: nothing was written.</summary>
    Conflict,

    /// <summary>The cards folder did not build (this card or another is invalid): the old file and index stay.</summary>
    BuildFailed,
}

public sealed record RebuildResult(RebuildOutcome Outcome, string? Before, string? Generation, IReadOnlyList<CardProblem> Problems);

/// <summary>
/// Replaces one card file and builds a new index generation from the folder, one publication at a
/// time: in this process by a semaphore, across processes sharing the folders (several Bots, an
/// Indexer) by an exclusive lock file in the index folder. When the build fails, the old file is put
/// back, so the folder always matches the generation in service. The running Bots pick the new
/// generation up by their index poll; this process swaps it in at once.
/// </summary>
public sealed class CardIndexRebuilder(KnowledgeBaseOptions options, CardFolder folder, Lazy<HunspellDictionaries> dictionaries,
    CardSearchService search, ILogger<CardIndexRebuilder> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<RebuildResult> ReplaceAsync(string id, string expectedHash, string text, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var folderLock = await LockFolderAsync(cancellationToken);
            var before = folder.ReadText(id);
            if (CardFolder.Hash(before) != expectedHash)
            {
                return new RebuildResult(RebuildOutcome.Conflict, before, null, []);
            }

            folder.Write(id, text);
            IndexBuildResult built;
            try
            {
                built = new CardIndexBuilder(dictionaries.Value).Build(options, new Progress<string>(m => logger.LogInformation("Card publish build: {Message}", m)));
            }
            catch
            {
                folder.Restore(id, before);
                throw;
            }

            if (!built.Succeeded)
            {
                folder.Restore(id, before);
                return new RebuildResult(RebuildOutcome.BuildFailed, before, null, built.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList());
            }

            search.Refresh();
            return new RebuildResult(RebuildOutcome.Built, before, built.Manifest!.Generation, []);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FileStream> LockFolderAsync(CancellationToken cancellationToken) =>
        await IndexFolderLock.TakeAsync(options.IndexPath, TimeSpan.FromMinutes(10), cancellationToken)
        ?? throw new IOException($"{IndexFolderLock.PathIn(options.IndexPath)} stayed locked for 10 minutes (an Indexer build or another publication).");

    public void Dispose() => gate.Dispose();
}

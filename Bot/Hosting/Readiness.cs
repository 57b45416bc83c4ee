namespace Asystent.Bot.Hosting;

/// <summary>What has finished starting. /health answers 200 only when everything has.</summary>
public sealed class Readiness : KnowledgeBase.Storage.IDatabaseReadiness
{
    private readonly TaskCompletionSource databaseReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? failure;

    public bool Database => databaseReady.Task.IsCompleted;
    public string? Failure => failure;

    public void DatabaseReady() => databaseReady.TrySetResult();

    /// <summary>Completes once the database is migrated, for background work that reads it from the start.</summary>
    public Task WhenDatabaseReady(CancellationToken cancellationToken) => databaseReady.Task.WaitAsync(cancellationToken);

    public void Failed(string reason) => failure = reason;
}

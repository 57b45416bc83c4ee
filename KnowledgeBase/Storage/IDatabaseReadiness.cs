namespace Asystent.KnowledgeBase.Storage;

/// <summary>Tells background work when the database has been migrated: a host that migrates it while starting implements this.</summary>
public interface IDatabaseReadiness
{
    Task WhenDatabaseReady(CancellationToken cancellationToken);
}

namespace Asystent.Indexer;

/// <summary>Process exit codes, so scripts and CI can tell what went wrong.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int InvalidCards = 1;
    public const int Usage = 2;
    public const int Failure = 3;
    public const int BelowTarget = 4;
}

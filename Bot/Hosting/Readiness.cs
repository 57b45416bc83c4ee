namespace Asystent.Bot.Hosting;

/// <summary>What has finished starting. /health answers 200 only when everything has.</summary>
public sealed class Readiness
{
    private volatile bool database;
    private volatile string? failure;

    public bool Database => database;
    public string? Failure => failure;

    public void DatabaseReady() => database = true;

    public void Failed(string reason) => failure = reason;
}

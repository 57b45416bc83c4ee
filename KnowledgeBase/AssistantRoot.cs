namespace Asystent.KnowledgeBase;

/// <summary>
/// Finds the folder that holds the shared appsettings.json, so that the Bot (run from Bot/), the
/// Indexer and the tests (run from their bin folders) all read one configuration and one set of paths.
/// </summary>
public static class AssistantRoot
{
    public const string EnvironmentVariable = "ASSISTANT_ROOT";

    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json"))
                    && Directory.Exists(Path.Combine(dir.FullName, "KnowledgeBase")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Cannot find the assistant's root folder (appsettings.json next to KnowledgeBase/). Set {EnvironmentVariable}.");
    }
}

namespace Asystent.Bot.Hosting;

public static class AssistantConfiguration
{
    /// <summary>
    /// Reads the one appsettings.json at the assistant's root (shared with the Indexer), then the
    /// environment and the command line, so `--urls` and `Section__Key` variables override it as usual.
    /// </summary>
    public static WebApplicationBuilder AddAssistantConfiguration(this WebApplicationBuilder builder, string root, string[] args)
    {
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: false, reloadOnChange: false)
            .AddJsonFile(Path.Combine(root, $"appsettings.{builder.Environment.EnvironmentName}.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        return builder;
    }
}

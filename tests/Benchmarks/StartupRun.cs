using System.Diagnostics;

namespace Asystent.Benchmarks;

/// <summary>
/// Time from starting the Bot process to /health answering 200, with an index already built
/// (the second start), as an operator restarting the service would see it.
/// </summary>
internal static class StartupRun
{
    public static async Task RunAsync()
    {
        var root = Asystent.KnowledgeBase.AssistantRoot.Locate();
        var data = Directory.CreateTempSubdirectory("asystent-startup-").FullName;
        const string secret = "startup-run-directline-secret-0123456789";
        var watch = Stopwatch.StartNew();
        await using (await BotProcess.StartAsync(root, secret, data, keepData: true))
        {
            Console.WriteLine($"first start (builds the index, trains the model): {watch.Elapsed.TotalSeconds:F2} s to ready");
        }

        for (var i = 0; i < 3; i++)
        {
            watch.Restart();
            await using (await BotProcess.StartAsync(root, secret, data, keepData: i < 2))
            {
                Console.WriteLine($"start with an existing index and model: {watch.Elapsed.TotalSeconds:F2} s to ready");
            }
        }
    }
}

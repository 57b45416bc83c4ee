using System.Diagnostics;

namespace Asystent.Benchmarks;

/// <summary>
/// Time from starting the Bot process to /health answering 200, with an index already built
/// (the second start), as an operator restarting the service would see it, with the processor time
/// and resident memory (RSS) the Bot has at that moment.
/// </summary>
internal static class StartupRun
{
    public static async Task RunAsync()
    {
        var root = Asystent.KnowledgeBase.AssistantRoot.Locate();
        var data = Directory.CreateTempSubdirectory("asystent-startup-").FullName;
        const string secret = "startup-run-directline-secret-0123456789";
        var watch = Stopwatch.StartNew();
        await using (var bot = await BotProcess.StartAsync(root, secret, data, keepData: true))
        {
            Console.WriteLine($"first start (builds the index, trains the model): {watch.Elapsed.TotalSeconds:F2} s to ready, {Describe(bot)}");
        }

        for (var i = 0; i < 3; i++)
        {
            watch.Restart();
            await using (var bot = await BotProcess.StartAsync(root, secret, data, keepData: i < 2))
            {
                Console.WriteLine($"start with an existing index and model: {watch.Elapsed.TotalSeconds:F2} s to ready, {Describe(bot)}");
            }
        }
    }

    // The processor time tells a start slowed by a shared machine (time waiting for a core) from
    // one that does more work; the resident memory is the Bot's footprint once it serves.
    private static string Describe(BotProcess bot) =>
        $"{bot.ProcessorTime.TotalSeconds:F2} s of processor time, {bot.WorkingSetMegabytes} MB resident";
}

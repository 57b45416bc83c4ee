using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
        var bot = Path.Combine(root, "Bot", "bin", "Release", "net10.0", "Asystent.Bot.dll");
        if (!File.Exists(bot))
        {
            Console.WriteLine($"Build the Bot in Release first: {bot}");
            return;
        }

        var data = Directory.CreateTempSubdirectory("asystent-startup-").FullName;
        try
        {
            var first = await StartAsync(bot, root, data);
            Console.WriteLine($"first start (builds the index): {first.TotalSeconds:F2} s to ready");
            for (var i = 0; i < 3; i++)
            {
                var again = await StartAsync(bot, root, data);
                Console.WriteLine($"start with an existing index: {again.TotalSeconds:F2} s to ready");
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<TimeSpan> StartAsync(string bot, string root, string data)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [bot, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KnowledgeBase__IndexPath"] = Path.Combine(data, "index");
        start.Environment["KnowledgeBase__ModelPath"] = Path.Combine(data, "model");
        start.Environment["ConnectionStrings__Assistant"] = $"Data Source={Path.Combine(data, "assistant.db")}";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            while (watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                try
                {
                    using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return watch.Elapsed;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                await Task.Delay(20);
            }

            throw new TimeoutException("the Bot did not become ready");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

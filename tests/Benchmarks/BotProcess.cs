using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Asystent.Benchmarks;

/// <summary>The Bot (Release build) as its own process on a free loopback port, with its own data folder.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string data;
    private readonly bool keepData;

    private BotProcess(Process process, string data, string url, bool keepData)
    {
        this.process = process;
        this.data = data;
        this.keepData = keepData;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The process id, for attaching a profiler during a run.</summary>
    public int Id => process.Id;

    /// <summary>CPU time the Bot process has used so far (all threads, user and kernel).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The Bot process's resident memory now.</summary>
    public long WorkingSetMegabytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64 / (1024 * 1024);
        }
    }

    /// <summary>Starts the Bot and returns once /health says ready. Pass a data folder (and keepData) to restart on the same data.</summary>
    public static async Task<BotProcess> StartAsync(string root, string secret, string? data = null, bool keepData = false)
    {
        var bot = Path.Combine(root, "Bot", "bin", "Release", "net10.0", "Asystent.Bot.dll");
        if (!File.Exists(bot))
        {
            throw new FileNotFoundException($"Build the Bot in Release first: {bot}");
        }

        data ??= Directory.CreateTempSubdirectory("asystent-bench-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [bot, "--urls", url])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KnowledgeBase__IndexPath"] = Path.Combine(data, "index");
        start.Environment["KnowledgeBase__ModelPath"] = Path.Combine(data, "model");
        start.Environment["ConnectionStrings__Assistant"] = $"Data Source={Path.Combine(data, "assistant.db")}";
        start.Environment["DirectLine__Secret"] = secret;
        // The load run's clients post far faster than people type (a turn every few hundred
        // milliseconds per conversation): it measures turns, not the post limits, so they are lifted.
        start.Environment["DirectLine__ConversationPostsPerMinute"] = "10000000";
        start.Environment["DirectLine__ConversationPostBurst"] = "1000000";
        // The load run measures the server, not per-request logging to the console.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new BotProcess(process, data, url, keepData);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        await running.DisposeAsync();
        throw new TimeoutException("the Bot did not become ready");
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        if (keepData)
        {
            return;
        }

        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

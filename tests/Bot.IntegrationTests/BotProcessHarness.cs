using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// The Bot as operators run it: its own process on a free loopback port, with a data folder of its
/// own (or a given one, to restart on the same data), ready once /health says so.
/// </summary>
internal sealed class BotProcessHarness : IAsyncDisposable
{
    private readonly Process process;

    private BotProcessHarness(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>What the process has written to its standard output so far, line by line (its console log).</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>What the process has written to its standard error so far.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>
    /// A data folder of its own with a search index and intent model already built (copied from one
    /// built once per test run): a test that starts the process several times, or on fresh data,
    /// does not wait minutes for the build each time on a busy machine.
    /// </summary>
    public static async Task<string> PreparedDataAsync(CancellationToken cancellationToken)
    {
        var built = await Prebuilt.Value.WaitAsync(cancellationToken);
        var data = Directory.CreateTempSubdirectory("asystent-prepared-").FullName;
        foreach (var folder in new[] { "index", "model" })
        {
            CopyFolder(Path.Combine(built, folder), Path.Combine(data, folder));
        }

        return data;
    }

    private static readonly Lazy<Task<string>> Prebuilt = new(async () =>
    {
        var data = Directory.CreateTempSubdirectory("asystent-prebuilt-").FullName;
        await using var bot = await StartAsync(data, "prebuilt-directline-secret-0123456789", CancellationToken.None);
        await bot.StopGracefullyAsync(CancellationToken.None);
        return data;
    });

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    public static async Task<BotProcessHarness> StartAsync(string data, string secret, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var harness = Launch(data, secret, environment);
        using var client = new HttpClient { BaseAddress = new Uri(harness.Url) };
        // Generous: a fresh data folder builds its index and model first, which takes minutes on a busy machine.
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (DateTime.UtcNow < deadline && !harness.process.HasExited)
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return harness;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, cancellationToken);
        }

        await harness.DisposeAsync();
        throw new TimeoutException("the Bot process did not report ready; its last output:\n" + string.Join("\n", harness.Output.TakeLast(20).Concat(harness.Errors.TakeLast(20))));
    }

    /// <summary>Starts the process without waiting for it to be ready (to watch it start).</summary>
    public static BotProcessHarness Launch(string data, string secret, IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = KnowledgeBase.AssistantRoot.Locate();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        var bot = Path.Combine(root, "Bot", "bin", configuration, "net10.0", "Asystent.Bot.dll");
        if (!File.Exists(bot))
        {
            throw new FileNotFoundException($"build the Bot first: {bot}");
        }

        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [bot, "--urls", url]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KnowledgeBase__IndexPath"] = Path.Combine(data, "index");
        start.Environment["KnowledgeBase__ModelPath"] = Path.Combine(data, "model");
        start.Environment["ConnectionStrings__Assistant"] = $"Data Source={Path.Combine(data, "assistant.db")}";
        start.Environment["DirectLine__Secret"] = secret;
        // The in-process factory registers the test app in this process's environment; an operator's
        // process starts without it unless asked.
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("BotConnector__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        var harness = new BotProcessHarness(process, url);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                harness.Output.Enqueue(line.Data);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                harness.Errors.Enqueue(line.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return harness;
    }

    /// <summary>Whether the process ended (by itself) within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A graceful stop (SIGTERM, as a service manager sends) lets the Bot write what it has queued.</summary>
    public async Task StopGracefullyAsync(CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill!.WaitForExitAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Kills the process outright (SIGKILL, as kill -9 does): nothing queued gets written, no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

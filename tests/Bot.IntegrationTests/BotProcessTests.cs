using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// The Bot as operators run it: a separate process started with --urls, spoken to over real HTTP.
/// Proves the contract in contracts.md ("dotnet run --project Bot -- --urls ...").
/// </summary>
public sealed class BotProcessTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_bot_process_serves_health_and_search_on_the_given_url()
    {
        var root = KnowledgeBase.AssistantRoot.Locate();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        var botDll = Path.Combine(root, "Bot", "bin", configuration, "net10.0", "Asystent.Bot.dll");
        Assert.True(File.Exists(botDll), $"build the Bot first: {botDll}");
        var data = Directory.CreateTempSubdirectory("asystent-process-").FullName;
        var port = FreePort();

        var start = new ProcessStartInfo("dotnet", [botDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KnowledgeBase__IndexPath"] = Path.Combine(data, "index");
        start.Environment["KnowledgeBase__ModelPath"] = Path.Combine(data, "model");
        start.Environment["ConnectionStrings__Assistant"] = $"Data Source={Path.Combine(data, "assistant.db")}";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = false;
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!ready && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    using var health = await client.GetAsync("/health", Token);
                    ready = health.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                if (!ready)
                {
                    await Task.Delay(100, Token);
                }
            }

            Assert.True(ready, "the Bot process did not report ready");
            var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=gdzie zarejestrowac auto z niemiec", Token);
            Assert.Equal("rejestracja-pojazdu-sprowadzonego", body.GetProperty("results")[0].GetProperty("id").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Token);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

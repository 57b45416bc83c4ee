using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

/// <summary>A conversation survives a restart of the Bot process: its transcript (masked) and its dialogue state.</summary>
public sealed class RestartTests : IDisposable
{
    private const string Secret = "restart-test-directline-secret-0123456789";
    private readonly string data = Directory.CreateTempSubdirectory("asystent-restart-").FullName;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conversation_continues_after_the_server_restarts()
    {
        string conversationId;
        string token;
        var first = await StartBotAsync();
        try
        {
            using var client = Client(first.Url, Secret);
            using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale = "pl-PL" }, Token);
            var body = await started.Content.ReadFromJsonAsync<JsonElement>(Token);
            conversationId = body.GetProperty("conversationId").GetString()!;
            token = body.GetProperty("token").GetString()!;
            using var chat = Client(first.Url, token);
            await SayAsync(chat, conversationId, "karta wędkarska, mój telefon 600 123 456");
        }
        finally
        {
            await StopAsync(first.Process, graceful: true);
        }

        var second = await StartBotAsync();
        try
        {
            using var chat = Client(second.Url, token);
            var transcript = await chat.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities", Token);
            var texts = transcript.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
            Assert.Contains(texts, t => t!.Contains("Karta wędkarska", StringComparison.Ordinal));
            Assert.Contains(texts, t => t!.Contains("[telefon]", StringComparison.Ordinal));
            Assert.DoesNotContain(texts, t => t!.Contains("600 123 456", StringComparison.Ordinal));

            // The dialogue state came back too: the follow-up still refers to the fishing card.
            var reply = await SayAsync(chat, conversationId, "ile to kosztuje?");
            Assert.Contains("10 zł", reply, StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(second.Process, graceful: false);
        }
    }

    private static HttpClient Client(string url, string credential)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    private static async Task<string> SayAsync(HttpClient client, string conversationId, string text)
    {
        using var posted = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities", new { type = "message", from = new { id = "resident" }, text }, Token);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var set = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities", Token);
            foreach (var activity in set.GetProperty("activities").EnumerateArray())
            {
                if (activity.TryGetProperty("replyToId", out var r) && r.GetString() == id)
                {
                    return activity.GetProperty("text").GetString()!;
                }
            }

            await Task.Delay(50, Token);
        }

        throw new TimeoutException($"no reply to '{text}'");
    }

    private async Task<(Process Process, string Url)> StartBotAsync()
    {
        var root = KnowledgeBase.AssistantRoot.Locate();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var bot = Path.Combine(root, "Bot", "bin", configuration, "net10.0", "Asystent.Bot.dll");
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [bot, "--urls", url]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KnowledgeBase__IndexPath"] = Path.Combine(data, "index");
        start.Environment["KnowledgeBase__ModelPath"] = Path.Combine(data, "model");
        start.Environment["ConnectionStrings__Assistant"] = $"Data Source={Path.Combine(data, "assistant.db")}";
        start.Environment["DirectLine__Secret"] = Secret;
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var health = await client.GetAsync("/health", Token);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return (process, url);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, Token);
        }

        await StopAsync(process, graceful: false);
        throw new TimeoutException("the Bot did not become ready");
    }

    // A graceful stop (SIGTERM, as a service manager sends) lets the Bot write what it has queued.
    private static async Task StopAsync(Process process, bool graceful)
    {
        if (graceful)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync(Token);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(timeout.Token);
        }
        else
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Token);
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
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

using System.Net.Http.Json;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// The Bot as operators run it: a separate process started with --urls, spoken to over real HTTP.
/// Proves the contract in contracts.md ("dotnet run --project Bot -- --urls ...").
/// </summary>
public sealed class BotProcessTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("asystent-process-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_bot_process_serves_health_and_search_on_the_given_url()
    {
        await using var bot = await BotProcessHarness.StartAsync(data, "process-test-directline-secret-0123", Token);
        using var client = new HttpClient { BaseAddress = new Uri(bot.Url) };
        var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=gdzie zarejestrowac auto z niemiec", Token);
        Assert.Equal("rejestracja-pojazdu-sprowadzonego", body.GetProperty("results")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Without_an_app_id_the_connector_refuses_everything_unless_switched_to_the_local_emulator()
    {
        await using var emulator = new Fakes.FakeBotFrameworkCloud();
        var activity = new
        {
            type = "message",
            id = "emulator-activity-1",
            channelId = "emulator",
            serviceUrl = emulator.ServiceUrl,
            from = new { id = "user-1" },
            recipient = new { id = "bot-1" },
            conversation = new { id = "emulator-conversation-1" },
            locale = "pl-PL",
            text = "gdzie zarejestrować samochód z Niemiec",
        };

        await using (var bot = await BotProcessHarness.StartAsync(data, "process-test-directline-secret-0123", Token))
        {
            using var client = new HttpClient { BaseAddress = new Uri(bot.Url) };
            using var refused = await client.PostAsJsonAsync("/api/messages", activity, Token);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var switchedOn = new Dictionary<string, string> { ["BotConnector__AllowUnauthenticatedEmulator"] = "true" };
        await using (var bot = await BotProcessHarness.StartAsync(data, "process-test-directline-secret-0123", Token, switchedOn))
        {
            using var client = new HttpClient { BaseAddress = new Uri(bot.Url) };
            using var accepted = await client.PostAsJsonAsync("/api/messages", activity, Token);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
            var reply = await emulator.ReplyToAsync("emulator-activity-1");
            Assert.Equal("", reply.Authorization);
            Assert.Contains("Komunikacji", reply.Text, StringComparison.Ordinal);

            // Unauthenticated, the assistant replies to this machine only: never to a service URL elsewhere.
            using var remote = await client.PostAsJsonAsync("/api/messages", new
            {
                activity.type, id = "emulator-activity-2", activity.channelId, serviceUrl = "https://connector.example.com/",
                activity.from, activity.recipient, activity.conversation, activity.text,
            }, Token);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, remote.StatusCode);
        }
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

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

    [Fact]
    public async Task When_the_channel_keys_cannot_be_fetched_the_connector_answers_503_so_the_channel_retries()
    {
        var unreachable = new Dictionary<string, string>
        {
            ["BotConnector__MicrosoftAppId"] = Fakes.FakeBotFrameworkCloud.AppId,
            ["BotConnector__OpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration",
            ["BotConnector__RequireHttpsMetadata"] = "false",
        };
        await using var bot = await BotProcessHarness.StartAsync(data, "process-test-directline-secret-0123", Token, unreachable);
        using var client = new HttpClient { BaseAddress = new Uri(bot.Url) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        using var response = await client.PostAsJsonAsync("/api/messages", new
        {
            type = "message", channelId = "test", serviceUrl = "https://connector.example.com/",
            conversation = new { id = "c1" }, from = new { id = "u1" }, text = "hej",
        }, Token);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_flood_from_one_address_gets_a_polite_429_with_retry_after_and_the_server_keeps_serving()
    {
        var limited = new Dictionary<string, string> { ["RateLimit__PermitsPerMinute"] = "20" };
        await using var bot = await BotProcessHarness.StartAsync(data, "process-test-directline-secret-0123", Token, limited);
        using var client = new HttpClient { BaseAddress = new Uri(bot.Url) };
        var statuses = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/search?q=paszport", UriKind.Relative), Token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
                Assert.Contains("try again", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
            }
        }

        Assert.Equal(20, statuses.Count(s => s == System.Net.HttpStatusCode.OK));
        Assert.Equal(10, statuses.Count(s => s == System.Net.HttpStatusCode.TooManyRequests));
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
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

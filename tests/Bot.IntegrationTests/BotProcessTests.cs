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

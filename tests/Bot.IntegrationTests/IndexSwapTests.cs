using System.Net.Http.Json;
using System.Text.Json;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests;

public sealed class IndexSwapTests(AssistantFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_bot_picks_up_a_newly_built_index_without_restart()
    {
        var before = (await client.GetFromJsonAsync<JsonElement>("/health", Token)).GetProperty("indexGeneration").GetString();

        // What `Indexer build` does, against the same index folder the running Bot watches.
        var services = factory.Services;
        var options = services.GetRequiredService<KnowledgeBaseOptions>();
        var dictionaries = services.GetRequiredService<Lazy<KnowledgeBase.Search.Analyzers.HunspellDictionaries>>().Value;
        var built = new CardIndexBuilder(dictionaries).Build(options).Manifest!;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? now = before;
        while (now != built.Generation && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Token);
            now = (await client.GetFromJsonAsync<JsonElement>("/health", Token)).GetProperty("indexGeneration").GetString();
        }

        Assert.NotEqual(before, now);
        Assert.Equal(built.Generation, now);
        var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=prawko", Token);
        Assert.True(search.GetProperty("results").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Searches_are_recorded_for_analytics_with_personal_data_masked()
    {
        // Letters only: letters mixed with digits look like a code, and codes are masked too.
        var marker = string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))));
        using var response = await client.GetAsync($"/api/search?q=paszport {marker} pesel 90010112345 tel 600123456", Token);
        response.EnsureSuccessStatusCode();

        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Assistant");
        string? stored = null;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (stored is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Token);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Query FROM search_queries WHERE Query LIKE $marker";
            command.Parameters.AddWithValue("$marker", $"%{marker}%");
            stored = (string?)await command.ExecuteScalarAsync(Token);
        }

        Assert.NotNull(stored);
        Assert.DoesNotContain("90010112345", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("600123456", stored, StringComparison.Ordinal);
        Assert.Contains("[PESEL]", stored, StringComparison.Ordinal);
    }
}

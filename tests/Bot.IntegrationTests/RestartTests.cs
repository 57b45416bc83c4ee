using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

/// <summary>A conversation survives a restart of the Bot process: its transcript (masked) and its dialogue state.</summary>
public class RestartTests : IDisposable
{
    private const string Secret = "restart-test-directline-secret-0123456789";
    private readonly string data = Directory.CreateTempSubdirectory("asystent-restart-").FullName;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Where the Bot keeps its data: the SQLite file in the test's folder, unless a subclass says otherwise.</summary>
    protected virtual Task<Dictionary<string, string>> DatabaseSettingsAsync() => Task.FromResult(new Dictionary<string, string>());

    [Fact]
    public async Task A_conversation_continues_after_the_server_restarts()
    {
        var database = await DatabaseSettingsAsync();
        string conversationId;
        string token;
        await using (var first = await BotProcessHarness.StartAsync(data, Secret, Token, database))
        {
            using var client = Client(first.Url, Secret);
            using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale = "pl-PL" }, Token);
            var body = await started.Content.ReadFromJsonAsync<JsonElement>(Token);
            conversationId = body.GetProperty("conversationId").GetString()!;
            token = body.GetProperty("token").GetString()!;
            using var chat = Client(first.Url, token);
            await SayAsync(chat, conversationId, "karta wędkarska, mój telefon 600 123 456");
            await first.StopGracefullyAsync(Token);
        }

        await using (var second = await BotProcessHarness.StartAsync(data, Secret, Token, database))
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
    }

    private static HttpClient Client(string url, string credential)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    // The client is the test's own (it outlives the chat), so the chat is not disposed.
    private static async Task<string> SayAsync(HttpClient client, string conversationId, string text) =>
        DirectLineChat.Text(await new DirectLineChat(client, conversationId).SayAsync(text));

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

/// <summary>The same restart with the conversation on PostgreSQL (a throwaway cluster, see tests/PostgreSql).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class RestartOnPostgreSqlTests : RestartTests
{
    protected override async Task<Dictionary<string, string>> DatabaseSettingsAsync() => new()
    {
        ["Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__Assistant"] = await Asystent.Tests.PostgreSql.PostgreSqlServer.NewDatabaseAsync(TestContext.Current.CancellationToken),
    };
}

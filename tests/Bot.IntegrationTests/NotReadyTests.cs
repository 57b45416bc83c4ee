using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

/// <summary>A message that comes before the knowledge base is ready gets a word that the assistant is starting, not an error.</summary>
public sealed class NotReadyTests
{
    private const string Secret = "not-ready-test-directline-secret-0123";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_before_the_search_is_ready_is_asked_to_come_again_in_a_moment()
    {
        // A broken card and no earlier index: this Bot's search never becomes ready, so the moment is not a race.
        var data = Directory.CreateTempSubdirectory("asystent-not-ready-").FullName;
        var cards = Directory.CreateDirectory(Path.Combine(data, "cards")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(KnowledgeBase.AssistantRoot.Locate(), "content", "cards")))
        {
            File.Copy(file, Path.Combine(cards, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(cards, "zepsuta-karta.yaml"), "id: zepsuta-karta\ntitle: [niedomknięta\n", Token);
        await using var bot = BotProcessHarness.Launch(data, Secret, new Dictionary<string, string> { ["KnowledgeBase__CardsPath"] = cards });
        using var client = new HttpClient { BaseAddress = new Uri(bot.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);

        var conversationId = await StartConversationAsync(client);
        using (var posted = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities",
            new { type = "message", from = new { id = "resident" }, locale = "pl-PL", text = "gdzie zarejestrować auto z Niemiec" }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var set = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities", Token);
        var replies = set.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("from").GetProperty("id").GetString() != "resident" && a.TryGetProperty("text", out _))
            .Select(a => a.GetProperty("text").GetString()!)
            .ToList();
        Assert.Contains(replies, text => text.StartsWith("Asystent właśnie się uruchamia", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, text => text.Contains("coś poszło nie tak", StringComparison.Ordinal));
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    // Direct Line answers once the database is migrated, which is a moment after the process listens.
    private static async Task<string> StartConversationAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            try
            {
                using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale = "pl-PL" }, Token);
                if (started.IsSuccessStatusCode)
                {
                    return (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString()!;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "Direct Line did not start a conversation within 4 minutes");
            await Task.Delay(200, Token);
        }
    }
}

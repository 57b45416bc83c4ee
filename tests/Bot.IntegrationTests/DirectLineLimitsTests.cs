using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The Direct Line limits with their default settings: post rate (429), activity size (413), the channel's name.</summary>
public sealed class DirectLineLimitsTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conversation_posting_faster_than_a_person_types_gets_429_with_retry_after()
    {
        var (conversationId, token) = await StartAsync();
        using var http = Client(token);
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add(await http.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities", new { type = "event", name = "ping" }, Token));
        }

        try
        {
            Assert.Equal(HttpStatusCode.OK, statuses[0].StatusCode);
            var throttled = statuses.Where(s => s.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(throttled);
            Assert.All(throttled, s => Assert.True(s.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
            var error = await throttled[0].Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Equal("Throttled", error.GetProperty("error").GetProperty("code").GetString());
        }
        finally
        {
            statuses.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task An_activity_with_oversized_channel_data_is_refused_with_413_and_not_stored()
    {
        var client = await StartAsync();
        using var http = Client(client.Token);
        var body = "{\"type\":\"message\",\"text\":\"hej\",\"channelData\":{\"blob\":\"" + new string('x', 40_000) + "\"}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var refused = await http.PostAsync($"/v3/directline/conversations/{client.ConversationId}/activities", content, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var set = await http.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{client.ConversationId}/activities", Token);
        Assert.DoesNotContain(set.GetProperty("activities").EnumerateArray(), a => a.TryGetProperty("text", out var t) && t.GetString() == "hej");
    }

    [Fact]
    public async Task The_channel_a_client_declares_is_replaced_by_directline()
    {
        var client = await StartAsync();
        using var http = Client(client.Token);

        using var posted = await http.PostAsJsonAsync($"/v3/directline/conversations/{client.ConversationId}/activities",
            new { type = "message", text = "godziny otwarcia", channelId = "<b>admin-spoof</b>" }, Token);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var set = await http.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{client.ConversationId}/activities", Token);
        Assert.All(set.GetProperty("activities").EnumerateArray(), a => Assert.Equal("directline", a.GetProperty("channelId").GetString()));
    }

    private HttpClient Client(string credential)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    private async Task<Started> StartAsync()
    {
        using var client = Client(AssistantFactory.DirectLineSecret);
        using var response = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "user-1" }, locale = "pl-PL" }, Token);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        return new Started(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    private sealed record Started(string ConversationId, string Token);
}

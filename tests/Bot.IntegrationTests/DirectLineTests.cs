using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Asystent.Bot.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.IntegrationTests;

/// <summary>Direct Line 3.0 over real HTTP and WebSocket requests against the in-process server.</summary>
public sealed class DirectLineTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Client(string credential)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    private async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(string? locale = "pl-PL")
    {
        using var client = Client(AssistantFactory.DirectLineSecret);
        using var response = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "user-1" }, locale }, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("streamUrl").GetString()!);
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string conversationId, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var set = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities", Token);
            if (set.GetProperty("activities").EnumerateArray().Any(until))
            {
                return set;
            }

            await Task.Delay(50, Token);
        }

        throw new TimeoutException("the expected activity did not arrive");
    }

    private static async Task<string> PostAsync(HttpClient client, string conversationId, string text, string clientActivityId)
    {
        using var response = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities", new
        {
            type = "message",
            from = new { id = "user-1", role = "user" },
            text,
            locale = "pl-PL",
            channelData = new { clientActivityID = clientActivityId, extra = new { kept = true } },
        }, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Starting_gives_a_jwt_token_and_an_absolute_stream_url_carrying_it()
    {
        var (conversationId, token, streamUrl) = await StartAsync();
        Assert.Equal(3, token.Split('.').Length);
        Assert.StartsWith("ws://", streamUrl, StringComparison.Ordinal);
        Assert.Contains($"/v3/directline/conversations/{conversationId}/stream", streamUrl, StringComparison.Ordinal);
        Assert.Contains("t=", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_token_starts_its_own_conversation_once_and_then_resumes_it()
    {
        using var secret = Client(AssistantFactory.DirectLineSecret);
        using var generated = await secret.PostAsJsonAsync("/v3/directline/tokens/generate", new { user = new { id = "dl_resident" } }, Token);
        var grant = await generated.Content.ReadFromJsonAsync<JsonElement>(Token);
        var conversationId = grant.GetProperty("conversationId").GetString();

        using var client = Client(grant.GetProperty("token").GetString()!);
        using var first = await client.PostAsync("/v3/directline/conversations", null, Token);
        using var second = await client.PostAsync("/v3/directline/conversations", null, Token);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(conversationId, (await second.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString());

        using var refreshed = await client.PostAsync("/v3/directline/tokens/refresh", null, Token);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(conversationId, (await refreshed.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task A_question_is_echoed_with_its_channel_data_then_answered_with_reply_to_id()
    {
        var (conversationId, token, _) = await StartAsync();
        using var client = Client(token);
        var welcome = await WaitForAsync(client, conversationId, a => a.GetProperty("type").GetString() == "message");
        Assert.Contains("Starostwa", welcome.GetProperty("activities")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        var id = await PostAsync(client, conversationId, "gdzie zarejestrować samochód z Niemiec", "client-1");
        var set = await WaitForAsync(client, conversationId, a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id);
        var activities = set.GetProperty("activities").EnumerateArray().ToList();
        var echo = activities.Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.True(echo.GetProperty("channelData").GetProperty("extra").GetProperty("kept").GetBoolean());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());

        var reply = activities.Single(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id);
        var text = reply.GetProperty("text").GetString()!;
        Assert.Contains("Wydział Komunikacji i Transportu", text, StringComparison.Ordinal);
        Assert.Contains("stanowiska 4–8", text, StringComparison.Ordinal);
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        Assert.True(reply.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength() > 0);
        Assert.True(DateTimeOffset.Parse(reply.GetProperty("timestamp").GetString()!) > DateTimeOffset.Parse(echo.GetProperty("timestamp").GetString()!));
    }

    [Fact]
    public async Task The_stream_replays_after_the_watermark_and_then_delivers_live_activities()
    {
        var (conversationId, token, streamUrl) = await StartAsync("en-US");
        var sockets = factory.Server.CreateWebSocketClient();
        using var socket = await sockets.ConnectAsync(new Uri(streamUrl.Replace("ws://", "http://", StringComparison.Ordinal)), Token);
        var replay = await ReceiveAsync(socket);
        Assert.Equal("message", replay.GetProperty("activities")[0].GetProperty("type").GetString());
        var watermark = replay.GetProperty("watermark").GetString();

        using var client = Client(token);
        var id = await PostAsync(client, conversationId, "where do I get a passport", "client-2");
        var seen = new List<string>();
        var start = int.Parse(watermark!, CultureInfo.InvariantCulture);
        var stored = 0;
        var watermarks = new List<(string? Sent, string Expected)>();
        while (!seen.Contains("reply"))
        {
            var set = await ReceiveAsync(socket);
            var storedBefore = stored;
            foreach (var activity in set.GetProperty("activities").EnumerateArray())
            {
                var kind = activity.GetProperty("type").GetString() == "typing" ? (activity.TryGetProperty("text", out _) ? "typing with text" : "typing")
                    : activity.GetProperty("id").GetString() == id ? "echo"
                    : activity.TryGetProperty("replyToId", out var r) && r.GetString() == id ? "reply" : "other";
                seen.Add(kind);
                stored += kind == "typing" ? 0 : 1;
            }

            if (stored > storedBefore)
            {
                watermarks.Add((set.GetProperty("watermark").GetString(), $"{start + stored}"));
            }
        }

        // The echo first, then the answer; "writing…" (live only, no text) only if the answer took a
        // while, and then between the two. The echo and a quick answer may share one set; every set
        // carries the watermark after its last activity.
        Assert.Equal(["echo", "reply"], seen.Where(s => s != "typing"));
        Assert.True(seen.Count == 2 || seen.SequenceEqual(["echo", "typing", "reply"]), string.Join(", ", seen));
        Assert.All(watermarks, w => Assert.Equal(w.Expected, w.Sent));
        Assert.Equal($"{start + 2}", watermarks[^1].Sent);

        // Reconnecting with the watermark of the welcome replays exactly the echo and the reply (typing is live only).
        var resume = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}?watermark={watermark}", Token);
        using var again = await sockets.ConnectAsync(new Uri(resume.GetProperty("streamUrl").GetString()!.Replace("ws://", "http://", StringComparison.Ordinal)), Token);
        var replayed = await ReceiveAsync(again);
        Assert.Equal(2, replayed.GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task Bad_requests_get_the_status_codes_the_clients_expect_and_the_conversation_survives()
    {
        var (conversationId, token, _) = await StartAsync();
        using var client = Client(token);

        using var malformed = await client.PostAsync($"/v3/directline/conversations/{conversationId}/activities", new StringContent("{not json", Encoding.UTF8, "application/json"), Token);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        using var oversized = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities", new { type = "message", text = new string('a', 10_000) }, Token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);

        using var unknown = await Client(AssistantFactory.DirectLineSecret).GetAsync("/v3/directline/conversations/nope/activities", Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var forged = await Client(token + "x").GetAsync($"/v3/directline/conversations/{conversationId}/activities", Token);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        var other = await StartAsync();
        using var wrongConversation = await Client(other.Token).GetAsync($"/v3/directline/conversations/{conversationId}/activities", Token);
        Assert.Equal(HttpStatusCode.Forbidden, wrongConversation.StatusCode);

        var expired = new DirectLineTokens(
            Options.Create(new DirectLineOptions { Secret = AssistantFactory.DirectLineSecret, TokenLifetimeMinutes = 1 }),
            new FixedClock(DateTimeOffset.UtcNow.AddHours(-1))).Issue(conversationId, "user-1");
        using var late = await Client(expired).GetAsync($"/v3/directline/conversations/{conversationId}/activities", Token);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);

        // Nothing above changed the conversation: it still answers.
        var id = await PostAsync(client, conversationId, "karta wędkarska", "client-3");
        await WaitForAsync(client, conversationId, a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id);
    }

    [Fact]
    public async Task Cors_allows_the_web_chat_headers()
    {
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        using var response = await client.SendAsync(preflight, Token);
        Assert.True(response.IsSuccessStatusCode);
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("x-ms-bot-agent", allowed, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length > 0)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

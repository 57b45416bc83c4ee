using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Asystent.Bot.Channels.Voice;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// Bad input gets a 4xx, never a 5xx: a real Bot process takes well over ten thousand hostile
/// requests of many kinds (dates off the calendar's ends, malformed and oversized bodies, multipart
/// and thousand-field forms on the phone webhook, forged tokens and signatures, floods of posts, odd
/// watermarks and paths), and what was stored before (a booked visit, a conversation) is intact after.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    private const string Secret = "hostile-test-directline-secret-0123456789";
    private const int Requests = 10_500;

    private string? data;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_and_leave_stored_data_intact()
    {
        data = await BotProcessHarness.PreparedDataAsync(Token);
        var settings = new Dictionary<string, string>
        {
            // The per-address API limit would answer most of the flood with 429 before any handler saw it.
            ["RateLimit__PermitsPerMinute"] = "1000000",
            ["Voice__AuthToken"] = HostileRequests.VoiceToken,
            ["Voice__PublicBaseUrl"] = HostileRequests.VoicePublicUrl,
            ["Cases__ImportApiKey"] = HostileRequests.CasesKey,
            ["Messenger__VerifyToken"] = "hostile-verify", ["Messenger__AppSecret"] = "hostile-app-secret",
            ["Messenger__PageAccessToken"] = "hostile-page-token", ["Messenger__GraphApiBaseUrl"] = "http://127.0.0.1:9",
        };
        await using var bot = await BotProcessHarness.StartAsync(data, Secret, Token, settings);
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromSeconds(60) };

        var before = await StoredDataAsync(http);
        var generator = new HostileRequests(Secret, before.Service, before.Code, before.ConversationId, before.ConversationToken);
        var statuses = new ConcurrentDictionary<(string Kind, int Status), int>();
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < Requests)
            {
                var (kind, request) = generator.Make(n);
                using (request)
                {
                    HttpResponseMessage response;
                    try
                    {
                        response = await http.SendAsync(request, Token);
                    }
                    catch (UriFormatException)
                    {
                        // A request no HTTP client can even send (its path is not a URL): not sent, not counted.
                        continue;
                    }

                    using (response)
                    {
                        statuses.AddOrUpdate((kind, (int)response.StatusCode), 1, (_, c) => c + 1);
                    }
                }
            }
        }, Token)).ToList();
        await Task.WhenAll(workers);

        foreach (var group in statuses.OrderBy(s => s.Key.Kind).ThenBy(s => s.Key.Status))
        {
            output.WriteLine($"{group.Key.Kind,-22} {group.Key.Status} × {group.Value}");
        }

        Assert.True(statuses.Values.Sum() >= 10_000, $"only {statuses.Values.Sum()} requests were sent");
        Assert.Empty(statuses.Where(s => s.Key.Status >= 500).Select(s => $"{s.Key.Kind}: {s.Key.Status} × {s.Value}"));
        // Many kinds of request, and most reached their handlers (not only refused at the door).
        Assert.True(statuses.Keys.Select(k => k.Kind).Distinct().Count() >= 12);
        Assert.Contains(statuses.Keys, k => k.Status == 413);
        Assert.Contains(statuses.Keys, k => k.Status == 415);
        Assert.Contains(statuses.Keys, k => k.Status == 429);

        var after = await StoredDataAsync(http, before);
        Assert.Equal(before.Visit, after.Visit);
        Assert.Equal(before.Transcript, after.Transcript);
        using var health = await http.GetAsync("/health", Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>A visit and a conversation stored before the flood; given <paramref name="before"/>, read again.</summary>
    private static async Task<StoredData> StoredDataAsync(HttpClient http, StoredData? before = null)
    {
        if (before is null)
        {
            var service = (await http.GetFromJsonAsync<JsonElement>("/api/appointments/services", Token))[0].GetProperty("service").GetString()!;
            var from = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var slot = (await http.GetFromJsonAsync<JsonElement>($"/api/appointments/slots?service={service}&from={from}&to={to}", Token))[0].GetProperty("start").GetString();
            using var booked = await http.PostAsJsonAsync("/api/appointments", new { service, start = slot, name = "Jan Kowalski", phone = "600123456", language = "pl" }, Token);
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var code = (await booked.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("code").GetString()!;

            using var starter = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { user = new { id = "resident" }, locale = "pl-PL" }) };
            starter.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
            using var started = await http.SendAsync(starter, Token);
            var conversation = await started.Content.ReadFromJsonAsync<JsonElement>(Token);
            var conversationId = conversation.GetProperty("conversationId").GetString()!;
            var token = conversation.GetProperty("token").GetString()!;
            using var say = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities") { Content = JsonContent.Create(new { type = "message", text = "ile kosztuje paszport" }) };
            say.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var said = await http.SendAsync(say, Token);
            Assert.Equal(HttpStatusCode.OK, said.StatusCode);
            before = new StoredData(service, code, conversationId, token, "", "");
        }

        var visit = await http.GetStringAsync($"/api/appointments/{before.Code}?phone=600123456", Token);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{before.ConversationId}/activities?watermark=0");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var transcript = await http.SendAsync(read, Token);
        var activities = (await transcript.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("activities").EnumerateArray()
            .Select(a => $"{a.GetProperty("id").GetString()} {(a.TryGetProperty("text", out var t) ? t.GetString() : "")}")
            // The flood's own well-formed posts may follow; what was there before must be unchanged.
            .Take(before.Transcript.Length == 0 ? 4 : before.Transcript.Split('\u001E').Length);
        return before with { Visit = visit, Transcript = string.Join('\u001E', activities) };
    }

    public void Dispose()
    {
        try
        {
            if (data is not null)
            {
                Directory.Delete(data, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private sealed record StoredData(string Service, string Code, string ConversationId, string ConversationToken, string Visit, string Transcript);
}

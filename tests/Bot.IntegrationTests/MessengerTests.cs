using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Channels.Messenger;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The Messenger webhook with signed deliveries, and replies through the real Send API client to a local fake Graph API.</summary>
public sealed class MessengerTests(AssistantFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    internal static string NewPsid() => "psid" + string.Concat(Guid.NewGuid().ToByteArray().Take(6).Select(b => (b % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    internal static string Sign(byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AssistantFactory.MessengerAppSecret), body));

    private async Task<HttpResponseMessage> DeliverAsync(string json, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messenger") { Content = content };
        if (signature != "")
        {
            request.Headers.Add("X-Hub-Signature-256", signature ?? Sign(body));
        }

        return await client.SendAsync(request, Token);
    }

    internal static string Delivery(params (string Psid, string Mid, string Text)[] messages) =>
        JsonSerializer.Serialize(new
        {
            @object = "page",
            entry = messages.Select(m => new
            {
                id = "PAGE1",
                time = 1763900000000,
                messaging = new[] { new { sender = new { id = m.Psid }, recipient = new { id = "PAGE1" }, timestamp = 1763900000000, message = new { mid = m.Mid, text = m.Text } } },
            }),
        });

    [Fact]
    public async Task Facebook_subscription_check_answers_the_challenge_only_for_the_right_token()
    {
        Assert.Equal("1158201444", await client.GetStringAsync($"/api/messenger?hub.mode=subscribe&hub.verify_token={AssistantFactory.MessengerVerifyToken}&hub.challenge=1158201444", Token));
        using var wrong = await client.GetAsync("/api/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444", Token);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Fact]
    public async Task A_signed_question_is_answered_through_the_send_api_with_typing_and_quick_replies()
    {
        var psid = NewPsid();
        // Meta signs the bytes it sends, escaped Unicode and all: the signature must be checked on those bytes.
        var json = Delivery((psid, $"mid.{psid}.1", "gdzie zarejestrowa\u0107 samoch\u00f3d z Niemiec")).Replace("ć", "\\u0107", StringComparison.Ordinal).Replace("ó", "\\u00f3", StringComparison.Ordinal);
        using var response = await DeliverAsync(json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var messages = await factory.Graph.MessagesToAsync(psid);
        var first = factory.Graph.Received.First(r => r.Psid == psid).Body;
        Assert.Equal("typing_on", first.GetProperty("sender_action").GetString());
        var text = string.Join("\n", messages.Select(m => m.GetProperty("text").GetString()));
        Assert.Contains("Wydział Komunikacji i Transportu", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        var quickReplies = messages[^1].GetProperty("quick_replies").EnumerateArray().ToList();
        Assert.InRange(quickReplies.Count, 1, 13);
        Assert.All(quickReplies, q => Assert.InRange(q.GetProperty("title").GetString()!.Length, 1, 20));
        Assert.Contains(quickReplies, q => q.GetProperty("payload").GetString() == "Rozmowa z człowiekiem");
    }

    [Fact]
    public async Task Unsigned_or_forged_deliveries_are_refused_and_nothing_is_sent()
    {
        var psid = NewPsid();
        var json = Delivery((psid, $"mid.{psid}.1", "paszport"));
        using var unsigned = await DeliverAsync(json, signature: "");
        using var forged = await DeliverAsync(json, signature: "sha256=" + new string('0', 64));
        using var tampered = await DeliverAsync(json.Replace("paszport", "prawo jazdy", StringComparison.Ordinal), signature: Sign(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        await Task.Delay(1000, Token);
        Assert.DoesNotContain(factory.Graph.Received, r => r.Psid == psid);
    }

    [Fact]
    public async Task A_batched_delivery_is_answered_for_every_person_and_a_repeated_delivery_only_once()
    {
        var (a, b) = (NewPsid(), NewPsid());
        var json = Delivery((a, $"mid.{a}.1", "karta wędkarska"), (b, $"mid.{b}.1", "paszport dla dziecka"));
        using var first = await DeliverAsync(json);
        using var again = await DeliverAsync(json);

        Assert.Contains("Karta wędkarska", (await factory.Graph.MessagesToAsync(a))[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Paszport dla dziecka", (await factory.Graph.MessagesToAsync(b))[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        await Task.Delay(1500, Token);
        Assert.Single(factory.Graph.Received, r => r.Psid == a && r.Body.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task A_quick_reply_sends_its_payload_and_echoes_are_ignored()
    {
        var psid = NewPsid();
        using var asked = await DeliverAsync(Delivery((psid, $"mid.{psid}.1", "karta wędkarska")));
        await factory.Graph.MessagesToAsync(psid);

        var tap = JsonSerializer.Serialize(new
        {
            @object = "page",
            entry = new[]
            {
                new
                {
                    id = "PAGE1", time = 1,
                    messaging = new object[]
                    {
                        new { sender = new { id = psid }, recipient = new { id = "PAGE1" }, timestamp = 2, message = new { mid = $"mid.{psid}.2", text = "Szczegóły", quick_reply = new { payload = "Szczegóły" } } },
                        new { sender = new { id = "PAGE1" }, recipient = new { id = psid }, timestamp = 3, message = new { mid = $"mid.{psid}.3", text = "echo", is_echo = true } },
                    },
                },
            },
        });
        using var tapped = await DeliverAsync(tap);

        var messages = await factory.Graph.MessagesToAsync(psid, 2);
        Assert.Contains("Krok po kroku", messages[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        await Task.Delay(1000, Token);
        Assert.Equal(2, factory.Graph.Received.Count(r => r.Psid == psid && r.Body.TryGetProperty("message", out _)));
    }

    [Fact]
    public async Task A_send_api_outage_is_retried()
    {
        var psid = NewPsid();
        factory.Graph.FailNext(2);
        using var response = await DeliverAsync(Delivery((psid, $"mid.{psid}.1", "karta parkingowa")));
        Assert.Contains("parking", (await factory.Graph.MessagesToAsync(psid))[0].GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Long_answers_are_split_cleanly_and_quick_replies_are_capped()
    {
        var paragraph = string.Join(" ", Enumerable.Repeat("Zdanie o sprawie w urzędzie.", 30));
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Text = string.Join("\n\n", Enumerable.Repeat(paragraph, 6)),
            SuggestedActions = new SuggestedActions { Actions = Enumerable.Range(1, 20).Select(i => new CardAction { Type = "imBack", Title = $"Bardzo długi tytuł przycisku {i}" }).ToList() },
        };

        var messages = MessengerRenderer.Render(reply).Select(m => JsonSerializer.SerializeToElement(m)).ToList();

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.InRange(m.GetProperty("text").GetString()!.Length, 1, 2000));
        Assert.All(messages.SkipLast(1), m => Assert.EndsWith(".", m.GetProperty("text").GetString(), StringComparison.Ordinal));
        var quickReplies = messages[^1].GetProperty("quick_replies").EnumerateArray().ToList();
        Assert.Equal(13, quickReplies.Count);
        Assert.All(quickReplies, q => Assert.InRange(q.GetProperty("title").GetString()!.Length, 1, 20));
        Assert.Equal("Bardzo długi tytuł przycisku 1", quickReplies[0].GetProperty("payload").GetString());
    }
}

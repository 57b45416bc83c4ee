using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Asystent.Bot.IntegrationTests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// The Bot Connector face as a Bot Framework channel uses it: activities posted to /api/messages with
/// a channel token, replies posted to the channel's connector (a local fake of the Bot Framework
/// cloud, with its own signing keys and token endpoint).
/// </summary>
public sealed class BotConnectorTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FakeBotFrameworkCloud Cloud => factory.Cloud;

    private object ActivityFrom(string conversationId, string text, string? id = null, string? serviceUrl = null, string channelId = "test") => new
    {
        type = "message",
        id = id ?? Guid.NewGuid().ToString("N"),
        timestamp = DateTimeOffset.UtcNow,
        channelId,
        serviceUrl = serviceUrl ?? Cloud.ServiceUrl,
        from = new { id = "user-1", name = "Resident" },
        recipient = new { id = "bot-1", name = "Asystent" },
        conversation = new { id = conversationId },
        locale = "pl-PL",
        text,
    };

    private async Task<HttpResponseMessage> PostAsync(object activity, string? token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, Token);
    }

    private static string NewConversation() => "conv-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_channel_message_is_acknowledged_and_answered_through_the_connector_with_the_bot_token()
    {
        var conversation = NewConversation();
        var id = Guid.NewGuid().ToString("N");
        using var response = await PostAsync(ActivityFrom(conversation, "gdzie zarejestrować samochód z Niemiec", id), Cloud.ChannelToken());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var reply = await Cloud.ReplyToAsync(id);
        Assert.Equal(conversation, reply.ConversationId);
        Assert.Equal($"Bearer {FakeBotFrameworkCloud.BotToken}", reply.Authorization);
        Assert.Contains("Komunikacji", reply.Text, StringComparison.Ordinal);
        Assert.Equal(id, reply.Activity["replyToId"]!.GetValue<string>());
        Assert.Equal("user-1", reply.Activity["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("bot-1", reply.Activity["from"]!["id"]!.GetValue<string>());
        Assert.Equal(conversation, reply.Activity["conversation"]!["id"]!.GetValue<string>());
        Assert.Contains(Cloud.TokenRequests, form => form["grant_type"] == "client_credentials" && form["scope"] == "https://api.botframework.com/.default");
    }

    [Fact]
    public async Task A_follow_up_on_the_same_channel_conversation_refers_to_the_card_under_discussion()
    {
        var conversation = NewConversation();
        var first = Guid.NewGuid().ToString("N");
        using (var response = await PostAsync(ActivityFrom(conversation, "chcę wyrobić paszport", first), Cloud.ChannelToken()))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Cloud.ReplyToAsync(first);
        var second = Guid.NewGuid().ToString("N");
        using (var response = await PostAsync(ActivityFrom(conversation, "ile to kosztuje?", second), Cloud.ChannelToken()))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Contains("zł", (await Cloud.ReplyToAsync(second)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forgotten_idle_channel_conversation_continues_from_the_database_with_its_transcript_in_order()
    {
        var conversation = NewConversation();
        var first = Guid.NewGuid().ToString("N");
        using (await PostAsync(ActivityFrom(conversation, "chcę wyrobić paszport", first), Cloud.ChannelToken()))
        {
        }

        await Cloud.ReplyToAsync(first);
        await factory.StoredTranscriptAsync($"test:{conversation}", minimum: 2);
        // What the idle sweep does, for this conversation only: the server is shared with the other
        // test classes, whose states (not all written yet) must stay in memory.
        factory.Services.GetRequiredService<Conversation.ConversationStore>().Forget($"test:{conversation}");

        var second = Guid.NewGuid().ToString("N");
        using (await PostAsync(ActivityFrom(conversation, "ile to kosztuje?", second), Cloud.ChannelToken()))
        {
        }

        Assert.Contains("zł", (await Cloud.ReplyToAsync(second)).Text, StringComparison.Ordinal);
        var stored = await factory.StoredTranscriptAsync($"test:{conversation}", minimum: 4);
        Assert.Equal(4, stored.Count);
        Assert.Contains("ile to kosztuje?", stored[2], StringComparison.Ordinal);
    }

    public static TheoryData<string, HttpStatusCode> SpoiledTokens => new()
    {
        { "missing", HttpStatusCode.Unauthorized },
        { "not a jwt", HttpStatusCode.Unauthorized },
        { "wrong audience", HttpStatusCode.Unauthorized },
        { "wrong issuer", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "signed with another key", HttpStatusCode.Unauthorized },
        { "issued for another service url", HttpStatusCode.Forbidden },
        { "channel not endorsed", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(SpoiledTokens))]
    public async Task A_forged_or_spoiled_channel_token_is_refused_and_nothing_is_sent(string spoiled, HttpStatusCode expected)
    {
        using var otherKey = RSA.Create(2048);
        var channelId = spoiled == "channel not endorsed" ? "someotherchannel" : "test";
        var token = spoiled switch
        {
            "missing" => null,
            "not a jwt" => "not-a-token",
            "wrong audience" => Cloud.ChannelToken(audience: "another-bot"),
            "wrong issuer" => Cloud.ChannelToken(issuer: "https://evil.example"),
            "expired" => Cloud.ChannelToken(expires: DateTime.UtcNow.AddHours(-1)),
            "signed with another key" => Cloud.ChannelToken(signedWith: otherKey),
            "issued for another service url" => Cloud.ChannelToken(serviceUrl: "https://evil.example/"),
            _ => Cloud.ChannelToken(),
        };
        var id = Guid.NewGuid().ToString("N");
        using var response = await PostAsync(ActivityFrom(NewConversation(), "gdzie zarejestrować samochód", id, channelId: channelId), token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Task.Delay(300, Token);
        Assert.DoesNotContain(Cloud.Replies, r => r.ActivityId == id);
    }

    [Fact]
    public async Task Malformed_incomplete_or_oversized_activities_get_problem_details()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Cloud.ChannelToken());

        using var malformed = await client.PostAsync("/api/messages", new StringContent("{\"type\": \"message\", ", Encoding.UTF8, "application/json"), Token);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        using var noServiceUrl = await client.PostAsJsonAsync("/api/messages", new { type = "message", channelId = "test", conversation = new { id = "c" }, text = "hej" }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, noServiceUrl.StatusCode);
        Assert.Contains("serviceUrl", await noServiceUrl.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        using var oversized = await client.PostAsJsonAsync("/api/messages", ActivityFrom("c", new string('a', 300_000)), Token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);

        using var health = await client.GetAsync("/health", Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_reply_the_connector_refuses_with_503_is_retried_until_delivered()
    {
        Cloud.FailNextReplies(2);
        var id = Guid.NewGuid().ToString("N");
        using var response = await PostAsync(ActivityFrom(NewConversation(), "jak wymienić dowód osobisty", id), Cloud.ChannelToken());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var reply = await Cloud.ReplyToAsync(id);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.Single(Cloud.Replies, r => r.ActivityId == id);
    }

    [Fact]
    public async Task The_stored_transcript_of_a_channel_conversation_keeps_no_phone_number()
    {
        var conversation = NewConversation();
        var id = Guid.NewGuid().ToString("N");
        using var response = await PostAsync(ActivityFrom(conversation, "proszę o telefon 601 234 567 w sprawie paszportu", id), Cloud.ChannelToken());
        await Cloud.ReplyToAsync(id);

        var stored = await factory.StoredTranscriptAsync($"test:{conversation}", minimum: 2);
        Assert.Contains(stored, json => json.Contains("[telefon]", StringComparison.Ordinal));
        Assert.DoesNotContain(stored, json => json.Contains("601 234 567", StringComparison.Ordinal));
    }
}

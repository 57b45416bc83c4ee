using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Asystent.Bot.IntegrationTests.Fakes;

/// <summary>
/// The parts of the Bot Framework cloud a bot talks to, as a real local HTTP server: the OpenID
/// metadata and signing keys channels' tokens are checked against, the token endpoint the bot gets
/// its own token from, and a channel's connector service that receives the bot's replies. It signs
/// channel tokens with its own RSA key, as the Bot Framework does with its published keys.
/// </summary>
public sealed class FakeBotFrameworkCloud : IAsyncDisposable
{
    public const string AppId = "7c1a3c52-1f7e-4a0d-9c55-2b4f0b1d9e11";
    public const string AppPassword = "fake-app-password-never-logged";
    public const string Issuer = "https://api.botframework.com";
    public const string BotToken = "bot-access-token-from-the-fake-login";
    public const string KeyId = "fake-channel-key";

    private readonly WebApplication app;
    private readonly RSA key = RSA.Create(2048);
    private int failuresToServe;

    public FakeBotFrameworkCloud()
    {
        (app, Url) = LocalServer.Start(server =>
        {
            server.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new
            {
                issuer = Issuer,
                jwks_uri = $"{Url}/v1/keys",
                id_token_signing_alg_values_supported = new[] { "RS256" },
                token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
            }));
            server.MapGet("/v1/keys", () =>
            {
                var parameters = key.ExportParameters(false);
                return Results.Json(new
                {
                    keys = new[]
                    {
                        new
                        {
                            kty = "RSA",
                            use = "sig",
                            kid = KeyId,
                            n = Base64UrlEncoder.Encode(parameters.Modulus),
                            e = Base64UrlEncoder.Encode(parameters.Exponent),
                            endorsements = new[] { "webchat", "msteams", "emulator", "test" },
                        },
                    },
                });
            });
            server.MapPost("/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
                return form["client_id"] == AppId && form["client_secret"] == AppPassword
                    ? Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = BotToken })
                    : Results.Json(new { error = "invalid_client" }, statusCode: 401);
            });
            server.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", async (string conversationId, string activityId, HttpRequest request) =>
            {
                if (Interlocked.Decrement(ref failuresToServe) >= 0)
                {
                    return Results.StatusCode(503);
                }

                var body = await JsonNode.ParseAsync(request.Body);
                Replies.Enqueue(new ConnectorReply(conversationId, activityId, request.Headers.Authorization.ToString(), body!.AsObject()));
                return Results.Json(new { id = Guid.NewGuid().ToString("N") });
            });
        });
    }

    public string Url { get; }

    /// <summary>The service URL channels put on their activities (and in their tokens).</summary>
    public string ServiceUrl => $"{Url}/";

    public ConcurrentQueue<ConnectorReply> Replies { get; } = new();

    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>The next <paramref name="count"/> replies get 503, as a connector under maintenance answers.</summary>
    public void FailNextReplies(int count) => Volatile.Write(ref failuresToServe, count);

    /// <summary>A channel token as the Bot Framework issues it; each argument can be spoiled to test a refusal.</summary>
    public string ChannelToken(string? serviceUrl = null, string audience = AppId, string issuer = Issuer, DateTime? expires = null, RSA? signedWith = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl ?? ServiceUrl)]),
            NotBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            IssuedAt = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signedWith ?? key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>Waits until a reply to <paramref name="activityId"/> arrives.</summary>
    public async Task<ConnectorReply> ReplyToAsync(string activityId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (Replies.FirstOrDefault(r => r.ActivityId == activityId) is { } reply)
            {
                return reply;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"No reply to {activityId} reached the connector.");
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        key.Dispose();
    }
}

public sealed record ConnectorReply(string ConversationId, string ActivityId, string Authorization, JsonObject Activity)
{
    public string Text => Activity["text"]?.GetValue<string>() ?? "";
}

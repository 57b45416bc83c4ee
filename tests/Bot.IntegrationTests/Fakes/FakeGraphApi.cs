using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Asystent.Bot.IntegrationTests.Fakes;

/// <summary>
/// Facebook's Send API as a real local HTTP server: <c>POST /me/messages</c> with the page token,
/// answering <c>{ recipient_id, message_id }</c>, Graph error 190 for a wrong token, error 100 for a
/// message over 2,000 characters or more than 13 quick replies, and 500s when told to fail.
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    public const string PageToken = "fake-page-access-token";

    private readonly WebApplication app;
    private int failuresToServe;
    private int nextId;

    public FakeGraphApi()
    {
        (app, Url) = LocalServer.Start(server =>
        {
            server.MapPost("/me/messages", async (HttpRequest request) =>
            {
                if (Interlocked.Decrement(ref failuresToServe) >= 0)
                {
                    return Results.Json(new { error = new { message = "An unexpected error has occurred.", type = "OAuthException", code = 2 } }, statusCode: 500);
                }

                var token = request.Headers.Authorization.ToString() is { Length: > 7 } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : request.Query["access_token"].ToString();
                if (token != PageToken)
                {
                    return Results.Json(new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190 } }, statusCode: 400);
                }

                using var body = await JsonDocument.ParseAsync(request.Body);
                var root = body.RootElement.Clone();
                var psid = root.GetProperty("recipient").GetProperty("id").GetString()!;
                if (root.TryGetProperty("message", out var message)
                    && ((message.TryGetProperty("text", out var text) && text.GetString()!.Length > 2000)
                        || (message.TryGetProperty("quick_replies", out var replies) && replies.GetArrayLength() > 13)))
                {
                    return Results.Json(new { error = new { message = "(#100) Invalid parameter", type = "OAuthException", code = 100 } }, statusCode: 400);
                }

                Received.Enqueue(new SentToMessenger(psid, root));
                return Results.Json(new { recipient_id = psid, message_id = $"m_{Interlocked.Increment(ref nextId)}" });
        });
        });
    }

    public string Url { get; }

    public ConcurrentQueue<SentToMessenger> Received { get; } = new();

    public void FailNext(int count) => Volatile.Write(ref failuresToServe, count);

    /// <summary>The text messages sent to one person, in order, once at least <paramref name="count"/> have come.</summary>
    public Task<List<JsonElement>> MessagesToAsync(string psid, int count = 1) =>
        Eventually.ValueAsync(() => Received.Where(r => r.Psid == psid && r.Body.TryGetProperty("message", out _)).Select(r => r.Body.GetProperty("message")).ToList() is { } messages && messages.Count >= count ? messages : null,
            $"fewer than {count} messages reached {psid}", TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record SentToMessenger(string Psid, JsonElement Body);

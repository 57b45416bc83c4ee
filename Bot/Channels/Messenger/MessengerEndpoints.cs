using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.Messenger;

/// <summary>
/// The Messenger webhook: <c>GET /api/messenger</c> answers Facebook's subscription check,
/// <c>POST /api/messenger</c> takes deliveries. Every delivery's X-Hub-Signature-256 is checked
/// against the raw bytes as received, before anything is read from them; the answer is 200 at once
/// and the turns run after (Facebook waits 20 s at most and retries what is not acknowledged).
/// </summary>
public static class MessengerEndpoints
{
    private const int MaxDeliveryBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapMessenger(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messenger").WithTags("Messenger");
        group.MapGet("/", Verify).WithName("MessengerVerify").WithSummary("Facebook's webhook subscription check (hub.mode, hub.verify_token, hub.challenge).");
        group.MapPost("/", Receive).WithName("MessengerWebhook").WithSummary("Messenger deliveries, signed with X-Hub-Signature-256.");
        return app;
    }

    private static IResult Verify(HttpRequest request, IOptions<MessengerOptions> options)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return NotConfigured();
        }

        var query = request.Query;
        return query["hub.mode"] == "subscribe" && Same(query["hub.verify_token"].ToString(), settings.VerifyToken!) && query["hub.challenge"].ToString() is { Length: > 0 } challenge
            ? Results.Text(challenge, "text/plain")
            : Results.Problem(title: "Verification failed", detail: "The verify token does not match.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> Receive(HttpRequest request, IOptions<MessengerOptions> options, MessengerTurns turns, ILoggerFactory loggers)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return NotConfigured();
        }

        var logger = loggers.CreateLogger(typeof(MessengerEndpoints));
        if (request.ContentLength > MaxDeliveryBytes)
        {
            return Results.Problem(title: "Request too large", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = buffer.ToArray();
        if (!SignatureMatches(request.Headers["X-Hub-Signature-256"].ToString(), body, settings.AppSecret!))
        {
            // Logged without the payload: it came from who knows where.
            logger.LogWarning("A Messenger delivery with a missing or wrong signature was refused ({Length} bytes)", body.Length);
            return Results.Problem(title: "Forbidden", detail: "The X-Hub-Signature-256 header does not match the body.", statusCode: StatusCodes.Status403Forbidden);
        }

        MessengerDelivery? delivery;
        try
        {
            delivery = JsonSerializer.Deserialize<MessengerDelivery>(body);
        }
        catch (JsonException)
        {
            return Results.Problem(title: "Malformed JSON", statusCode: StatusCodes.Status400BadRequest);
        }

        // Instagram and other products share the webhook format; only a page's Messenger events are for us.
        if (delivery?.Kind != "page")
        {
            return Results.Text("EVENT_RECEIVED", "text/plain");
        }

        foreach (var entry in delivery.Entry ?? [])
        {
            foreach (var item in entry.Messaging ?? [])
            {
                if (item.Sender?.Id is not { } psid)
                {
                    continue;
                }

                // Our own messages come back as echoes when the page subscribes to them: never answer those.
                if (item.Message is { IsEcho: false, Mid: { } mid } message && (message.QuickReply?.Payload ?? message.Text) is { Length: > 0 } text)
                {
                    turns.Enqueue(entry.Id ?? item.Recipient?.Id ?? "", psid, mid, text);
                }
                else if (item.Postback is { Payload: { Length: > 0 } payload } postback)
                {
                    turns.Enqueue(entry.Id ?? item.Recipient?.Id ?? "", psid, postback.Mid ?? $"postback:{psid}:{item.Timestamp}", payload);
                }
            }
        }

        return Results.Text("EVENT_RECEIVED", "text/plain");
    }

    /// <summary>"sha256=" and the lower-case hex HMAC-SHA256 of the raw body with the app secret, compared in constant time.</summary>
    public static bool SignatureMatches(string header, byte[] body, string appSecret)
    {
        const string Prefix = "sha256=";
        if (!header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header[Prefix.Length..].ToLowerInvariant()));
    }

    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static IResult NotConfigured() => Results.Problem(title: "Messenger is not configured",
        detail: "Set Messenger:VerifyToken, Messenger:AppSecret and Messenger:PageAccessToken.", statusCode: StatusCodes.Status503ServiceUnavailable);
}

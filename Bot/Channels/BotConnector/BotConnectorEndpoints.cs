using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.BotConnector;

/// <summary>
/// The Bot Connector face: channels (Azure Bot Service, the Bot Framework Emulator) POST activities
/// to <c>/api/messages</c>; the assistant acknowledges at once (202) and replies to the activity's
/// <c>serviceUrl</c>, in order, one turn at a time per conversation.
/// </summary>
public static class BotConnectorEndpoints
{
    public static IEndpointRouteBuilder MapBotConnector(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", Receive).WithTags("Bot Connector").DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> Receive(
        HttpContext http,
        ChannelAuthentication authentication,
        BotConnectorTurns turns,
        IOptions<BotConnectorOptions> options)
    {
        var limit = options.Value.MaxActivityBytes;
        if (http.Request.ContentLength > limit)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may have at most {limit} bytes.");
        }

        Activity? activity;
        try
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            if (body.Length > limit)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may have at most {limit} bytes.");
            }

            activity = JsonSerializer.Deserialize<Activity>(body.ToArray(), ActivityJson.Options);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", "The body is not a valid activity (JSON).");
        }

        if (Missing(activity) is { } missing)
        {
            return Problem(StatusCodes.Status400BadRequest, "Incomplete activity", $"An activity from a channel needs {missing}.");
        }

        var verdict = await authentication.AuthenticateAsync(http.Request.Headers.Authorization.FirstOrDefault(), activity!, http.RequestAborted);
        if (verdict.Problem is { } refusal)
        {
            if (verdict.Status == StatusCodes.Status401Unauthorized)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }

            var title = verdict.Status switch
            {
                StatusCodes.Status401Unauthorized => "Not authenticated",
                StatusCodes.Status403Forbidden => "Not allowed",
                _ => "Temporarily unavailable",
            };
            return Problem(verdict.Status, title, refusal);
        }

        turns.Enqueue(activity!);
        return Results.Accepted();
    }

    private static string? Missing(Activity? activity) => activity switch
    {
        null => "a body",
        { Type: null or "" } => "a type",
        { ChannelId: null or "" } => "a channelId",
        { Conversation.Id: null or "" } or { Conversation: null } => "a conversation id",
        { ServiceUrl: var url } when !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") => "an absolute http(s) serviceUrl",
        _ => null,
    };

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status);
}

/// <summary>
/// Runs Bot Connector turns after the request has been acknowledged: records the activity (masked),
/// lets the assistant answer and posts the replies to the channel.
/// </summary>
public sealed class BotConnectorTurns(TurnRunner turns, ConversationStore store, ConnectorClient connector, ILogger<BotConnectorTurns> logger)
{
    public void Enqueue(Activity incoming) => _ = Task.Run(async () =>
    {
        try
        {
            await RunAsync(incoming, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "A Bot Connector turn could not be completed on {Channel}", incoming.ChannelId);
        }
    });

    public async Task RunAsync(Activity incoming, CancellationToken cancellationToken)
    {
        var key = Key(incoming.ChannelId!, incoming.Conversation!.Id!);
        store.Started(key, incoming.ChannelId!, incoming.From?.Id, incoming.Locale);
        await turns.RunAsync(key, incoming, async replies =>
        {
            Record(key, incoming);
            foreach (var reply in replies)
            {
                reply.ChannelId = incoming.ChannelId;
                reply.Conversation = incoming.Conversation;
                reply.From = incoming.Recipient;
                reply.Recipient = incoming.From;
                reply.ReplyToId = incoming.Id;
                Record(key, reply);
                await connector.SendAsync(incoming.ServiceUrl!, incoming.Conversation.Id!, incoming.Id, reply, cancellationToken);
            }
        }, cancellationToken);
    }

    private void Record(string key, Activity activity)
    {
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.ConversationUpdate)
        {
            store.Recorded(key, store.NextSequence(key), activity);
        }
    }

    /// <summary>Conversation ids are unique per channel only; long ones (Teams) are shortened to a hash.</summary>
    internal static string Key(string channelId, string conversationId)
    {
        var key = $"{channelId}:{conversationId}";
        return key.Length <= 64 ? key : $"{channelId[..Math.Min(channelId.Length, 16)]}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)))[..40]}";
    }
}

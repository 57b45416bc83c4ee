using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Hosting;
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
        var (activity, problem) = await ActivityBody.ReadAsync(http.Request, limit);
        switch (problem)
        {
            case JsonBodyProblem.TooLarge:
                return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may have at most {limit} bytes.");
            case JsonBodyProblem.Malformed:
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

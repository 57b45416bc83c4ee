using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Hosting;
using Asystent.Bot.Hosting.Observability;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0 as the official clients (botframework-directlinejs, Web Chat) use it: tokens,
/// start and resume, post, poll and the WebSocket stream, with the status codes they react to.
/// </summary>
public static class DirectLineEndpoints
{
    public const string CorsPolicy = "directline";

    // Bounds one stream message when a client reconnects into a burst.
    private const int MaxSetsPerMessage = 64;

    private sealed record TokenRequest(ChannelAccount? User);

    private sealed record StartRequest(ChannelAccount? User, string? Locale);

    private sealed record ConversationResponse(string ConversationId, string Token, int Expires_in, string StreamUrl, string ReferenceGrammarId);

    private sealed record TokenResponse(string ConversationId, string Token, int Expires_in);

    private sealed record ResourceResponse(string Id);

    private sealed record ErrorBody(ErrorDetail Error);

    private sealed record ErrorDetail(string Code, string Message);

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy).WithTags("Direct Line");
        group.MapPost("/tokens/generate", Generate);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", Start);
        group.MapGet("/conversations/{id}", Resume);
        group.MapGet("/conversations/{id}/activities", GetActivities);
        group.MapPost("/conversations/{id}/activities", Post);
        group.MapGet("/conversations/{id}/stream", Stream);
        return app;
    }

    private static async Task<IResult> Generate(HttpContext http, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        if (Refusal(options) is { } refusal)
        {
            return refusal;
        }

        if (!tokens.IsSecret(Bearer(http) ?? ""))
        {
            return Error(StatusCodes.Status403Forbidden, "BadArgument", "Generating a token needs the Direct Line secret.");
        }

        var request = await ReadOptionalAsync<TokenRequest>(http);
        var userId = request?.User?.Id is { Length: > 0 and <= 256 } id ? id : "dl_" + DirectLineConversations.NewId();
        var conversationId = DirectLineConversations.NewId();
        return Results.Json(new TokenResponse(conversationId, tokens.Issue(conversationId, userId), (int)tokens.Lifetime.TotalSeconds), ActivityJson.Options);
    }

    private static IResult Refresh(HttpContext http, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        if (Refusal(options) is { } refusal)
        {
            return refusal;
        }

        if (tokens.Validate(Bearer(http) ?? "") is not { } grant)
        {
            return Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is not valid or has expired.");
        }

        return Results.Json(new TokenResponse(grant.ConversationId, tokens.Issue(grant.ConversationId, grant.UserId), (int)tokens.Lifetime.TotalSeconds), ActivityJson.Options);
    }

    private static async Task<IResult> Start(HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineTurns turns, IOptions<DirectLineOptions> options, AssistantMetrics metrics)
    {
        if (Refusal(options) is { } refusal)
        {
            return refusal;
        }

        var credential = Bearer(http) ?? "";
        string conversationId;
        string? userId;
        if (tokens.IsSecret(credential))
        {
            conversationId = DirectLineConversations.NewId();
            userId = null;
        }
        else if (tokens.Validate(credential) is { } grant)
        {
            conversationId = grant.ConversationId;
            userId = grant.UserId;
        }
        else
        {
            return Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is not valid or has expired.");
        }

        var request = await ReadOptionalAsync<StartRequest>(http);
        userId ??= request?.User?.Id is { Length: > 0 and <= 256 } id ? id : "dl_" + DirectLineConversations.NewId();
        var (conversation, created) = conversations.Start(conversationId, userId, request?.Locale);
        var token = tokens.Issue(conversation.Id, conversation.UserId);
        if (created)
        {
            // The welcome message is produced now and replayed when the stream opens.
            var update = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                From = new ChannelAccount { Id = conversation.UserId, Role = "user" },
                Locale = request?.Locale,
                MembersAdded = [new ChannelAccount { Id = conversation.UserId }, DirectLineTurns.BotAccount],
                Conversation = new ConversationAccount { Id = conversation.Id },
                ChannelId = "directline",
            };
            await turns.RunAsync(conversation, update, http.RequestAborted);
            if (!await StoredAsync(conversation, options, metrics))
            {
                return NotStored();
            }
        }

        var body = new ConversationResponse(conversation.Id, token, (int)tokens.Lifetime.TotalSeconds, StreamUrl(http, conversation.Id, token, null), "");
        return Results.Json(body, ActivityJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult Resume(string id, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        if (Authorize(http, id, tokens, conversations, options, out var conversation) is { } failure)
        {
            return failure;
        }

        var token = tokens.Issue(conversation!.Id, conversation.UserId);
        return Results.Json(new ConversationResponse(conversation.Id, token, (int)tokens.Lifetime.TotalSeconds, StreamUrl(http, conversation.Id, token, watermark), ""), ActivityJson.Options);
    }

    private static IResult GetActivities(string id, string? watermark, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        if (Authorize(http, id, tokens, conversations, options, out var conversation) is { } failure)
        {
            return failure;
        }

        return Results.Bytes(ActivityFrames.Frame(conversation!.Since(watermark, options.Value.MaxActivitiesPerRead)), "application/json; charset=utf-8");
    }

    private static async Task<IResult> Post(string id, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineTurns turns, DirectLinePostLimiter limiter, IOptions<DirectLineOptions> options, AssistantMetrics metrics, ILoggerFactory loggers)
    {
        if (Authorize(http, id, tokens, conversations, options, out var conversation) is { } failure)
        {
            return failure;
        }

        var credential = Bearer(http)!;
        if (limiter.TryPost(conversation!.Id, tokens.IsSecret(credential) ? null : credential) is { } wait)
        {
            // Retry-After in whole seconds, as HTTP defines it.
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(StatusCodes.Status429TooManyRequests, "Throttled", "Too many messages in a short time; please wait a moment.");
        }

        var (activity, problem) = await ActivityBody.ReadAsync(http.Request, options.Value.MaxActivityBytes);
        switch (problem)
        {
            case JsonBodyProblem.TooLarge:
                return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.");
            case JsonBodyProblem.Malformed:
                return Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity is not valid JSON.");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Error(StatusCodes.Status400BadRequest, "MissingProperty", "An activity needs a type.");
        }

        if (activity.Text?.Length > options.Value.MaxTextLength)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"A message may have at most {options.Value.MaxTextLength} characters.");
        }

        // The echo: the client's own activity comes back with a server id and its channelData untouched.
        activity.From = new ChannelAccount { Id = conversation.UserId ?? activity.From?.Id, Name = activity.From?.Name, Role = "user" };
        // The channel is this server's to say, whatever the client declared (it is what /admin counts by).
        activity.ChannelId = DirectLineConversations.Channel;
        activity.Recipient = DirectLineTurns.BotAccount;
        // As the Bot Framework's Direct Line does: the activity names the service it came through, which
        // is also where the links the assistant hands out (calendar files) can be fetched.
        activity.ServiceUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/";
        var activityId = conversation.Append(activity);

        // As the Bot Framework's Direct Line does, the post is answered once the bot has taken its
        // turn; the client saw its message delivered already (the echo above), and a quick reply
        // leaves in the same stream message as the echo. The turn is not tied to the request: a
        // client that goes away still finds the reply when it reconnects.
        try
        {
            await turns.RunAsync(conversation, activity, CancellationToken.None);
        }
        catch (Exception e)
        {
            loggers.CreateLogger("Asystent.Bot.DirectLine").LogError(e, "A Direct Line turn could not be completed in {ConversationId}", conversation.Id);
        }

        // Acknowledged only once the message and its replies are committed (a group commit shared
        // with the other posts of the moment): an answered post survives a crash.
        return await StoredAsync(conversation, options, metrics) ? Results.Json(new ResourceResponse(activityId), ActivityJson.Options) : NotStored();
    }

    private static async Task Stream(string id, string? watermark, string? t, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        // The stream URL carries its credential in the query: browsers cannot set headers on a WebSocket.
        var grant = options.Value.IsConfigured ? tokens.Validate(t ?? Bearer(http) ?? "") : null;
        if (grant is null || grant.ConversationId != id)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (conversations.Find(id) is not { } conversation)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var (replayTo, live, close) = conversation.Subscribe();
        var position = int.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var from) ? Math.Clamp(from, 0, replayTo) : 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var reading = DrainClientFramesAsync(socket, stop);
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        var sets = new List<ActivitySet>();
        try
        {
            // What came after the client's watermark, a page per message (the oldest read from the
            // database), up to where the live stream takes over.
            while (position < replayTo)
            {
                var replay = conversation.Since(position.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Min(options.Value.MaxActivitiesPerRead, replayTo - position));
                position += replay.Activities.Count;
                if (replay.Activities.Count == 0)
                {
                    break;
                }

                sets.Add(replay);
                await SendAsync(socket, message, sets, stop.Token);
            }

            while (await live.WaitToReadAsync(stop.Token))
            {
                // Whatever arrived meanwhile (typically a message's echo and its reply) goes as one
                // activity set, as Direct Line allows: one send instead of one per activity.
                while (sets.Count < MaxSetsPerMessage && live.TryRead(out var set))
                {
                    sets.Add(set);
                }

                if (sets.Count > 0)
                {
                    await SendAsync(socket, message, sets, stop.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away; it reconnects with its watermark and gets the rest then.
        }
        finally
        {
            close();
            await stop.CancelAsync();
            await reading;
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
    }

    // Clients send empty pings every 20 s; they are read and ignored, and a close ends the stream.
    private static async Task DrainClientFramesAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Stream ending.
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static async Task SendAsync(WebSocket socket, ArrayBufferWriter<byte> message, List<ActivitySet> sets, CancellationToken cancellationToken)
    {
        message.ResetWrittenCount();
        ActivityFrames.Write(message, sets);
        sets.Clear();
        await socket.SendAsync(message.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken);
    }

    private static IResult? Authorize(HttpContext http, string id, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options, out DirectLineConversation? conversation)
    {
        conversation = null;
        if (Refusal(options) is { } refusal)
        {
            return refusal;
        }

        var credential = Bearer(http) ?? "";
        var allowed = tokens.IsSecret(credential) || tokens.Validate(credential)?.ConversationId == id;
        if (!allowed)
        {
            return Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is not valid for this conversation or has expired.");
        }

        conversation = conversations.Find(id);
        return conversation is null ? Error(StatusCodes.Status404NotFound, "BadArgument", "There is no such conversation.") : null;
    }

    private static async Task<bool> StoredAsync(DirectLineConversation conversation, IOptions<DirectLineOptions> options, AssistantMetrics metrics)
    {
        var waitStartedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await conversation.WhenStoredAsync().WaitAsync(TimeSpan.FromSeconds(options.Value.StoreTimeoutSeconds));
            metrics.StoreWaited(waitStartedAt);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static IResult NotStored() =>
        Error(StatusCodes.Status503ServiceUnavailable, "ServiceError", "The message could not be stored just now; please send it again in a moment.");

    private static IResult? Refusal(IOptions<DirectLineOptions> options) => options.Value.IsConfigured
        ? null
        : Error(StatusCodes.Status503ServiceUnavailable, "ServiceError", "Direct Line is not configured on this server (DirectLine:Secret).");

    private static string StreamUrl(HttpContext http, string conversationId, string token, string? watermark)
    {
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{http.Request.Host}{http.Request.PathBase}/v3/directline/conversations/{conversationId}/stream?watermark={Uri.EscapeDataString(watermark ?? "-")}&t={Uri.EscapeDataString(token)}";
    }

    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private static async Task<T?> ReadOptionalAsync<T>(HttpContext http) where T : class
    {
        if (http.Request.ContentLength is 0 or null && http.Request.Headers.TransferEncoding.Count == 0)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, ActivityJson.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorBody(new ErrorDetail(code, message)), ActivityJson.Options, statusCode: status);
}

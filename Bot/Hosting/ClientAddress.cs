using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;

namespace Asystent.Bot.Hosting;

/// <summary>
/// Who is on the other end, for counting failures per address (docs/privacy.md): the client's IP
/// address on the web and the API, the calling number on the phone, the page-scoped id (PSID) on
/// Messenger, the channel's user id on other Bot Framework channels. The IP is the connection's own:
/// X-Forwarded-For is not trusted, as anyone can send it.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    public static string OfCaller(string phone) => $"phone:{phone}";

    /// <summary>
    /// The address behind a chat turn. A Direct Line turn runs inside the HTTP request that posted the
    /// message, so its IP is at hand, whatever channel id the client wrote into the activity (a client
    /// could claim "messenger" with a fresh user id per message). Messenger (signed webhooks) and other
    /// Bot Framework channels (signed tokens) name their user. A turn without either counts against its
    /// conversation only.
    /// </summary>
    public static string Of(Turn turn, IHttpContextAccessor http) => Of(turn.Incoming, turn.ConversationKey, http);

    public static string Of(Activity incoming, string conversationKey, IHttpContextAccessor http) => incoming.ChannelId switch
    {
        _ when http.HttpContext is { } context && context.Request.Path.StartsWithSegments("/v3/directline") => Of(context),
        "messenger" when incoming.From?.Id is { Length: > 0 } psid => $"psid:{psid}",
        "voice" => $"conversation:{conversationKey}",
        { } channel when incoming.From?.Id is { Length: > 0 } user => $"user:{channel}:{user}",
        _ => $"conversation:{conversationKey}",
    };
}

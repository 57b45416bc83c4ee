using Asystent.Bot.Channels.DirectLine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.WebPage;

/// <summary>
/// The residents' page at "/": the official Web Chat (served from the npm package, no CDN)
/// connected to this server's Direct Line with a token the page fetches from here, so the secret
/// never reaches the browser.
/// </summary>
public static class WebPageEndpoints
{
    public sealed record WebChatToken(string Token, string ConversationId, string UserId, int ExpiresIn);

    public static WebApplication MapWebPage(this WebApplication app, string root)
    {
        var bundle = WebChatBundle.Find(Path.Combine(root, "Bot", "WebChat", "node_modules", "botframework-webchat", "dist"));
        if (bundle is null)
        {
            app.Logger.LogWarning("Web Chat is missing in {Path}; build the Bot (it runs npm ci in Bot/WebChat)", Path.Combine(root, "Bot", "WebChat"));
        }

        // The page names the bundle by its content hash; read once, it is the same for every request.
        var page = File.ReadAllText(Path.Combine(root, "Bot", "WebPage", "ResidentsPage.html"))
            .Replace("{{webchat}}", bundle?.Url ?? "/webchat-missing.js", StringComparison.Ordinal);
        app.MapGet("/", () => TypedResults.Text(page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/webchat/{version}/" + WebChatBundle.FileName, (HttpContext http, string version) =>
                bundle?.Serve(http, version) ?? TypedResults.Problem(title: "Not found", detail: "Web Chat is not installed on this server.", statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();

        app.UseStaticFiles();
        app.MapPost("/api/webchat/token", IssueToken)
            .RequireRateLimiting(Hosting.HostingModule.ApiRateLimitPolicy)
            .WithTags("Web page")
            .WithSummary("A Direct Line token for one new conversation of the web page.");
        return app;
    }

    public static Results<Ok<WebChatToken>, ProblemHttpResult> IssueToken(DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        if (!options.Value.IsConfigured)
        {
            return TypedResults.Problem(title: "Chat is not available", detail: "Direct Line is not configured on this server.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var conversationId = DirectLineConversations.NewId();
        var userId = "dl_" + DirectLineConversations.NewId();
        return TypedResults.Ok(new WebChatToken(tokens.Issue(conversationId, userId), conversationId, userId, (int)tokens.Lifetime.TotalSeconds));
    }
}

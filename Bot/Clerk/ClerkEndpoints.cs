using Asystent.Bot.Handoff;
using Asystent.Bot.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.FileProviders;

namespace Asystent.Bot.Clerk;

/// <summary>The clerk console: the page at /clerk, its live hub at /clerk/hub, and the services behind handing conversations to people.</summary>
public static class ClerkEndpoints
{
    public static IServiceCollection AddClerkConsole(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName);
        services.AddSingleton<ClerkPresence>();
        services.AddSingleton<HandoffQueues>();
        services.AddSingleton<ClerkDesk>();
        services.AddSignalR(hub => hub.MaximumReceiveMessageSize = 16 * 1024);
        return services;
    }

    public static WebApplication MapClerkConsole(this WebApplication app, string root)
    {
        var signalR = Path.Combine(root, "Bot", "WebChat", "node_modules", "@microsoft", "signalr", "dist", "browser");
        if (Directory.Exists(signalR))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(signalR), RequestPath = "/lib/signalr" });
        }
        else
        {
            app.Logger.LogWarning("The SignalR browser client is missing at {Path}; build the Bot (it runs npm ci in Bot/WebChat)", signalR);
        }

        app.MapGet("/clerk", Console).RequireAuthorization(StaffEndpoints.DeskPolicy).WithTags("Staff").ExcludeFromDescription();
        app.MapHub<ClerkHub>("/clerk/hub").RequireAuthorization(StaffEndpoints.DeskPolicy);
        return app;
    }

    private static IResult Console(HttpContext http, IAntiforgery antiforgery) =>
        StaffEndpoints.Html(ClerkPage.Render(StaffUser.From(http.User)!, StaffEndpoints.Token(http, antiforgery)));
}

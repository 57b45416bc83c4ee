using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests.Fakes;

/// <summary>A real Kestrel server on a free loopback port, for the fakes of services that cannot exist here.</summary>
internal static class LocalServer
{
    public static (WebApplication App, string Url) Start(Action<WebApplication> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        routes(app);
        app.StartAsync().GetAwaiter().GetResult();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}

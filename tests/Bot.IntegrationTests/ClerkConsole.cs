using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// A clerk at the console, through the real SignalR client: signed in with the staff form (cookie),
/// connected to /clerk/hub, collecting what the server pushes (changes, residents' messages).
/// </summary>
internal sealed partial class ClerkConsole : IAsyncDisposable
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ClerkConsole(HubConnection hub) => Hub = hub;

    public HubConnection Hub { get; }

    /// <summary>Residents' lines pushed to this console: (handoff id, text).</summary>
    public ConcurrentQueue<(long HandoffId, string Text)> Messages { get; } = new();

    public static async Task<ClerkConsole> SignInAsync(AssistantFactory factory, string userName)
    {
        var cookie = await SignInCookieAsync(factory, userName);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/clerk/hub"), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Cookie"] = cookie;
            })
            .Build();
        var console = new ClerkConsole(hub);
        hub.On<long, JsonElement>("message", (id, line) => console.Messages.Enqueue((id, line.GetProperty("text").GetString()!)));
        await hub.StartAsync(Token);
        return console;
    }

    /// <summary>Signs in through the form (antiforgery and all) and returns the staff cookie as a Cookie header value.</summary>
    public static async Task<string> SignInCookieAsync(AssistantFactory factory, string userName)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = await client.GetAsync("/staff/signin", Token);
        var antiforgeryCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = Antiforgery().Match(await page.Content.ReadAsStringAsync(Token)).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = userName, ["password"] = AssistantFactory.StaffPassword, ["__RequestVerificationToken"] = token, ["returnUrl"] = "/clerk",
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        using var signedIn = await client.SendAsync(request, Token);
        return signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("asystent.staff=", StringComparison.Ordinal));
    }

    public Task<JsonElement> SnapshotAsync() => Hub.InvokeAsync<JsonElement>("Snapshot", Token);

    public async Task<string> MessageAsync(long handoffId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Messages.FirstOrDefault(m => m.HandoffId == handoffId) is { Text: { } text })
            {
                return text;
            }

            await Task.Delay(50, Token);
        }

        throw new TimeoutException($"no resident message in handoff {handoffId}");
    }

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}

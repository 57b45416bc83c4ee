using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// Failure limits per address on a Bot process over real sockets (in-process requests have no
/// address): wrong codes in the chat, the case API and the visit API count together against the
/// client's IP, however many fresh conversations they are spread over; staff sign-in throttles the
/// address before any account is locked, so a second address still signs in.
/// </summary>
public sealed partial class AddressLimitTests : IAsyncLifetime
{
    private const string Secret = "address-limit-directline-secret-0123";
    private readonly string data = Directory.CreateTempSubdirectory("asystent-limits-").FullName;
    private BotProcessHarness? bot;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var environment = new Dictionary<string, string>(AssistantFactory.StaffSettings())
        {
            ["Cases__ImportApiKey"] = AssistantFactory.CasesImportKey,
            ["FailureLimits__PerAddress"] = "20",
            ["FailureLimits__PerKey"] = "5",
            ["FailureLimits__SignInPerAddress"] = "5",
            ["FailureLimits__SignInPerAccount"] = "20",
            ["RateLimit__PermitsPerMinute"] = "100000",
        };
        bot = await BotProcessHarness.StartAsync(data, Secret, TestContext.Current.CancellationToken, environment);
    }

    [Fact]
    public async Task Wrong_codes_in_fresh_conversations_and_the_api_count_against_the_address_and_then_even_the_right_code_waits()
    {
        using var api = new HttpClient { BaseAddress = new Uri(bot!.Url) };
        using var import = new HttpRequestMessage(HttpMethod.Post, "/api/cases/import")
        {
            Content = new StringContent("caseNumber,unit,service,status,statusDate,filedDate,code\nKT.5410.777.2026,KT,prawo-jazdy-wydanie,in_progress,2026-11-10,2026-11-02,7MX4KQ\n", Encoding.UTF8, "text/csv"),
        };
        import.Headers.Add("X-Api-Key", AssistantFactory.CasesImportKey);
        (await api.SendAsync(import, Token)).EnsureSuccessStatusCode();

        // 12 wrong codes in the chat, each in a new conversation and for a different case (the per-conversation and per-case limits never trip).
        for (var i = 0; i < 12; i++)
        {
            var reply = await SayInNewConversationAsync(api, $"status sprawy KT.5410.{800 + i}.2026 kod 4QX{i:D2}KW");
            Assert.Contains("Nie znalazłem sprawy", reply, StringComparison.Ordinal);
        }

        // 8 more through the case API: the address has 20 failures now.
        for (var i = 0; i < 8; i++)
        {
            using var wrong = await api.PostAsJsonAsync("/api/cases/status", new { caseNumber = $"KT.5410.{900 + i}.2026", code = "ABC123", language = "pl" }, Token);
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        // The right code now waits, in the chat and in the API, and so does a visit look-up from the same address.
        Assert.Contains("Zbyt wiele nieudanych prób", await SayInNewConversationAsync(api, "status sprawy KT.5410.777.2026 kod 7MX4KQ"), StringComparison.Ordinal);
        using var right = await api.PostAsJsonAsync("/api/cases/status", new { caseNumber = "KT.5410.777.2026", code = "7MX4KQ", language = "pl" }, Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.InRange(right.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 15 * 60);
        using var visit = await api.GetAsync(new Uri("/api/appointments/K7M4-XQ3H?phone=600100200", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, visit.StatusCode);
        Assert.Equal("application/problem+json", visit.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_staff_passwords_throttle_the_address_but_do_not_lock_the_clerk_out_elsewhere()
    {
        using var attacker = Browser("127.0.0.1");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInAsync(attacker, "anna", "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // The address waits, for a known name as for an unknown one.
        using var known = await SignInAsync(attacker, "anna", AssistantFactory.StaffPassword);
        using var unknown = await SignInAsync(attacker, "nobody", "whatever-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, known.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.StatusCode);
        Assert.NotNull(known.Headers.RetryAfter);

        // The clerk at another address signs in: five wrong passwords did not lock the account.
        using var clerk = Browser("127.0.0.2");
        using var signedIn = await SignInAsync(clerk, "anna", AssistantFactory.StaffPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static async Task<string> SayInNewConversationAsync(HttpClient api, string text)
    {
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale = "pl-PL" }, Token);
        var conversation = (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString()!;
        using var posted = await client.PostAsJsonAsync($"/v3/directline/conversations/{conversation}/activities", new { type = "message", from = new { id = "resident" }, text }, Token);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var set = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversation}/activities", Token);
            if (set.GetProperty("activities").EnumerateArray().FirstOrDefault(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id) is { ValueKind: JsonValueKind.Object } reply)
            {
                return reply.GetProperty("text").GetString()!;
            }

            await Task.Delay(50, Token);
        }

        throw new TimeoutException($"no reply to '{text}'");
    }

    // A browser whose connections leave from the given loopback address (any 127.x.y.z reaches the Bot on 127.0.0.1).
    private HttpClient Browser(string from)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(bot!.Url) };
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, string password)
    {
        var page = await browser.GetStringAsync(new Uri("/staff/signin", UriKind.Relative), Token);
        var token = Antiforgery().Match(page).Groups[1].Value;
        return await browser.PostAsync(new Uri("/staff/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token, ["returnUrl"] = "",
        }), Token);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    public async ValueTask DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by the stopped process is cleaned with the temp folder
        }
    }
}

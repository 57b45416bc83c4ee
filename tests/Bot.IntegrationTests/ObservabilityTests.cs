using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Asystent.Bot.Hosting.Observability;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// What operators watch, on the Bot as they run it (its own process, real HTTP): the Prometheus
/// metrics, who may read them, the liveness and readiness probes, and the JSON console log.
/// </summary>
public sealed class ObservabilityTests : IDisposable
{
    private const string Secret = "observability-test-directline-secret-0123";

    private readonly string data = Directory.CreateTempSubdirectory("asystent-observability-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_starting_server_is_live_but_not_ready_and_once_ready_its_metrics_count_turns_answers_and_searches_without_personal_data()
    {
        // One process for both (a start takes a while): watched while it starts, then spoken to.
        await using var bot = BotProcessHarness.Launch(data, Secret);
        using var client = new HttpClient { BaseAddress = new Uri(bot.Url) };
        await WatchStartAsync(client);
        // Background work that reads the database waits for its migration on a fresh start.
        Assert.DoesNotContain(bot.Output.Concat(bot.Errors), line => line.Contains("Retention sweep failed", StringComparison.Ordinal));

        var before = await ScrapeAsync(client);
        using var chat = await StartChatAsync(client);
        await chat.SayAsync("gdzie zarejestrować samochód z Niemiec");
        await chat.SayAsync("ile kosztuje wymiana dowodu osobistego");
        await chat.SayAsync("mój numer to 600 700 800, jak wyrobić paszport");
        for (var i = 0; i < 3; i++)
        {
            using var search = await client.GetAsync(new Uri("/api/search?q=paszport dla dziecka", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }

        var after = await ScrapeAsync(client);
        Assert.Equal(3, Value(after, "asystent_turns_total", "channel=\"directline\"", "type=\"message\"") - Value(before, "asystent_turns_total", "channel=\"directline\"", "type=\"message\""));
        Assert.True(Value(after, "asystent_answers_total", "outcome=\"card\"") - Value(before, "asystent_answers_total", "outcome=\"card\"") >= 1, after.Text);
        Assert.Equal(3, Value(after, "asystent_answers_total") - Value(before, "asystent_answers_total"));
        // Three searches through the API and at least one per message turn.
        Assert.True(Value(after, "asystent_search_duration_seconds_count") - Value(before, "asystent_search_duration_seconds_count") >= 6, after.Text);
        Assert.True(Value(after, "asystent_turn_duration_seconds_count") - Value(before, "asystent_turn_duration_seconds_count") >= 3);
        Assert.True(Value(after, "asystent_turn_lock_wait_seconds_count") - Value(before, "asystent_turn_lock_wait_seconds_count") >= 3);
        // Each answered post waited for its commit, and says how long.
        Assert.True(Value(after, "asystent_directline_store_wait_seconds_count") - Value(before, "asystent_directline_store_wait_seconds_count") >= 3, after.Text);
        Assert.True(Value(after, "http_server_request_duration_seconds_count", "http_route=\"/api/search\"") >= 3, after.Text);
        Assert.Contains(after.Lines, l => l.StartsWith("asystent_storage_queue{", StringComparison.Ordinal) && l.Contains("queue=\"conversations\"", StringComparison.Ordinal));
        Assert.Equal(0, Value(after, "asystent_outbox_pending", "channel=\"sms\""));
        Assert.Contains(after.Lines, l => l.StartsWith("asystent_outbox_pending{", StringComparison.Ordinal));

        // Labels name channels, outcomes and routes: never the conversation, the question or a number typed in it.
        Assert.DoesNotContain(chat.Id, after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("600 700 800", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("paszport", after.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Niemiec", after.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_json_console_logs_and_metrics_allowed_elsewhere_the_log_is_json_lines_and_a_local_scrape_gets_a_403_problem()
    {
        var environment = new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Observability__MetricsAllowedFrom__0"] = "192.0.2.0/24",
        };
        await using var bot = await BotProcessHarness.StartAsync(data, Secret, Token, environment);
        using var client = new HttpClient { BaseAddress = new Uri(bot.Url) };

        // A configured list replaces "this machine": a loopback caller is now outside it.
        using (var refused = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Token))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var text = await refused.Content.ReadAsStringAsync(Token);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal(403, problem.GetProperty("status").GetInt32());
            Assert.Contains("monitoring addresses", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("asystent_", text, StringComparison.Ordinal);
        }

        using var chat = await StartChatAsync(client);
        await chat.SayAsync("gdzie zarejestrować samochód z Niemiec");
        await bot.StopGracefullyAsync(Token);

        var lines = bot.Output.Where(l => l.Length > 0).ToList();
        Assert.Contains(lines, l => l.Contains("Now listening on", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Message", out _), line);
        }
    }

    [Fact]
    public void Metrics_access_allows_this_machine_by_default_and_only_the_listed_addresses_and_networks_when_configured()
    {
        var byDefault = MetricsAccess.Networks([]);
        Assert.True(MetricsAccess.IsAllowed(IPAddress.Parse("127.0.0.1"), byDefault));
        Assert.True(MetricsAccess.IsAllowed(IPAddress.Parse("127.8.9.10"), byDefault));
        Assert.True(MetricsAccess.IsAllowed(IPAddress.IPv6Loopback, byDefault));
        Assert.True(MetricsAccess.IsAllowed(IPAddress.Parse("::ffff:127.0.0.1"), byDefault));
        Assert.False(MetricsAccess.IsAllowed(IPAddress.Parse("10.1.2.3"), byDefault));
        Assert.False(MetricsAccess.IsAllowed(IPAddress.Parse("::ffff:10.1.2.3"), byDefault));
        Assert.False(MetricsAccess.IsAllowed(IPAddress.Parse("fe80::1"), byDefault));
        Assert.False(MetricsAccess.IsAllowed(null, byDefault));

        var configured = MetricsAccess.Networks(["10.20.0.0/16", "192.168.1.5", "fd00::/8"]);
        Assert.True(MetricsAccess.IsAllowed(IPAddress.Parse("10.20.30.40"), configured));
        Assert.True(MetricsAccess.IsAllowed(IPAddress.Parse("::ffff:10.20.30.40"), configured));
        Assert.True(MetricsAccess.IsAllowed(IPAddress.Parse("192.168.1.5"), configured));
        Assert.True(MetricsAccess.IsAllowed(IPAddress.Parse("fd12::7"), configured));
        Assert.False(MetricsAccess.IsAllowed(IPAddress.Parse("10.21.0.1"), configured));
        Assert.False(MetricsAccess.IsAllowed(IPAddress.Parse("192.168.1.6"), configured));
        // A list replaces the default: this machine is allowed only when listed.
        Assert.False(MetricsAccess.IsAllowed(IPAddress.Loopback, configured));

        // A network written with a host address in it means the whole network.
        Assert.True(MetricsAccess.TryParse("10.0.0.1/8", out var written));
        Assert.True(MetricsAccess.IsAllowed(IPAddress.Parse("10.200.0.1"), [written]));
        Assert.False(MetricsAccess.TryParse("monitoring.example.com", out _));
        Assert.False(MetricsAccess.TryParse("10.0.0.0/33", out _));
    }

    [Fact]
    public async Task A_bad_metrics_network_stops_the_server_at_start_with_a_clear_message()
    {
        var wrong = new Dictionary<string, string> { ["Observability__MetricsAllowedFrom__0"] = "monitoring.example.com" };
        await using var bot = BotProcessHarness.Launch(data, Secret, wrong);
        var exited = await bot.WaitForExitAsync(TimeSpan.FromMinutes(1), Token);
        Assert.True(exited, "the server started with an unusable metrics address list");
        Assert.Contains(bot.Errors, l => l.Contains("Observability:MetricsAllowedFrom", StringComparison.Ordinal));
    }

    /// <summary>
    /// Polls the probes from the moment the process listens until it is ready: /health/live answers
    /// 200 throughout, /health/ready 503 ("starting: ...") until the index, the model and the database
    /// are ready, then 200, and /health agrees.
    /// </summary>
    private static async Task WatchStartAsync(HttpClient client)
    {
        var sawStarting = false;
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            HttpResponseMessage live;
            try
            {
                live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Token);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, Token);
                continue; // not listening yet
            }

            using (live)
            {
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                Assert.Equal("Healthy", (await live.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("status").GetString());
            }

            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Token);
            var report = await ready.Content.ReadFromJsonAsync<JsonElement>(Token);
            var startup = report.GetProperty("checks").GetProperty("startup");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("Healthy", report.GetProperty("status").GetString());
                Assert.Equal("Healthy", startup.GetProperty("status").GetString());
                // Ready for the probe means ready for the contract's /health too (readiness never goes back while running).
                using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Token);
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                Assert.True(sawStarting, "the first answer of /health/ready was already 200: the start was not observed");
                return;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", startup.GetProperty("status").GetString());
            Assert.StartsWith("starting:", startup.GetProperty("description").GetString(), StringComparison.Ordinal);
            sawStarting = true;
            await Task.Delay(100, Token);
        }

        Assert.Fail("the Bot did not become ready");
    }

    private static async Task<DirectLineChat> StartChatAsync(HttpClient http)
    {
        var client = new HttpClient { BaseAddress = http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale = "pl-PL" }, Token);
        started.EnsureSuccessStatusCode();
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString()!;
        return new DirectLineChat(client, conversationId);
    }

    private static async Task<Scrape> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Token);
        return new Scrape(text, text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList());
    }

    /// <summary>The sum of the samples of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Value(Scrape scrape, string metric, params string[] labels) => scrape.Lines
        .Where(l => (l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            && labels.All(label => l.Contains(label, StringComparison.Ordinal)))
        .Sum(SampleValue);

    // name{label="value",...} VALUE [TIMESTAMP]; label values may hold spaces (a unit's name).
    private static double SampleValue(string line)
    {
        var rest = line[(line.Contains('}', StringComparison.Ordinal) ? line.LastIndexOf('}') + 1 : line.IndexOf(' ', StringComparison.Ordinal))..];
        return double.Parse(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
    }

    private sealed record Scrape(string Text, List<string> Lines);

    public void Dispose()
    {
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

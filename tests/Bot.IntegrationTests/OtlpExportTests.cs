using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Asystent.Bot.IntegrationTests.Fakes;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// Traces and metrics sent to an OpenTelemetry collector when one is configured (a real Bot process,
/// a real local OTLP/HTTP receiver): the turn and search spans arrive, without the question, the
/// phone number typed in it or the conversation id.
/// </summary>
public sealed class OtlpExportTests : IDisposable
{
    private const string Secret = "otlp-test-directline-secret-0123456";

    private readonly string data = Directory.CreateTempSubdirectory("asystent-otlp-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_collector_configured_turns_and_searches_are_traced_without_personal_data()
    {
        await using var collector = new FakeOtlpCollector();
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        };
        await using var bot = await BotProcessHarness.StartAsync(data, Secret, Token, environment);
        using var client = new HttpClient { BaseAddress = new Uri(bot.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale = "pl-PL" }, Token);
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString()!;
        using var chat = new DirectLineChat(client, conversationId);
        await chat.SayAsync("mój numer to 600 700 800, gdzie zarejestrować samochód z Niemiec");

        var traces = await Eventually.ValueAsync(() =>
        {
            var all = collector.All("traces");
            // The request's span ends after the turn's: wait for it too.
            return all.Contains("asystent.turn", StringComparison.Ordinal) && all.Contains("asystent.search", StringComparison.Ordinal)
                && all.Contains("{id}/activities", StringComparison.Ordinal) ? all : null;
        }, "no request, turn and search spans reached the collector", TimeSpan.FromSeconds(60));
        var metrics = await Eventually.ValueAsync(() =>
        {
            var all = collector.All("metrics");
            return all.Contains("asystent.turns", StringComparison.Ordinal) ? all : null;
        }, "the assistant's metrics did not reach the collector", TimeSpan.FromSeconds(60));

        // The request span names the route template, never the path with the conversation in it.
        Assert.Contains("conversations/{id}/activities", traces, StringComparison.Ordinal);
        foreach (var export in new[] { traces, metrics })
        {
            Assert.DoesNotContain(conversationId, export, StringComparison.Ordinal);
            Assert.DoesNotContain("600 700 800", export, StringComparison.Ordinal);
            Assert.DoesNotContain("Niemiec", export, StringComparison.Ordinal);
        }
    }

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

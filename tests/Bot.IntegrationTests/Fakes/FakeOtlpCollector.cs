using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Asystent.Bot.IntegrationTests.Fakes;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver as a real local server: it keeps each export's
/// protobuf body as it came. Protobuf stores strings as plain UTF-8, so a test can look for span and
/// metric names in the bytes, and make sure a question or a conversation id is not among them.
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly WebApplication app;

    public FakeOtlpCollector()
    {
        (app, Url) = LocalServer.Start(server =>
        {
            server.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                Exports.Enqueue((signal, Encoding.UTF8.GetString(body.ToArray())));
                return Results.Ok();
            });
        });
    }

    public string Url { get; }

    /// <summary>Each export received: the signal ("traces", "metrics", "logs") and its body read as UTF-8.</summary>
    public ConcurrentQueue<(string Signal, string Body)> Exports { get; } = new();

    public string All(string signal) => string.Concat(Exports.Where(e => e.Signal == signal).Select(e => e.Body));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Asystent.Bot.IntegrationTests.Fakes;

/// <summary>
/// An SMSAPI-style SMS gateway as a real local HTTP server: <c>POST /sms.do</c> with a bearer token and
/// form fields (to, message, idx, check_idx), answering JSON with the message id, error 101 for a bad
/// token, error 13 for a number it cannot deliver to, and error 105 for an idx already used. It can be told to fail the next requests with 503.
/// </summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    public const string ApiKey = "fake-sms-api-key";

    /// <summary>A number the gateway refuses as it refuses unreachable numbers (error 13).</summary>
    public const string RefusedNumber = "+48600999999";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte> usedIdx = new();
    private int failuresToServe;
    private int nextId = 1000;

    public FakeSmsGateway()
    {
        (app, Url) = LocalServer.Start(server =>
        {
            server.MapPost("/sms.do", async (HttpRequest request) =>
            {
                Interlocked.Increment(ref requestCount);
                if (Interlocked.Decrement(ref failuresToServe) >= 0)
                {
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                if (request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
                {
                    return Results.Json(new { error = 101, message = "Authorization failed" });
                }

                var form = await request.ReadFormAsync();
                if (form["to"] == RefusedNumber.TrimStart('+'))
                {
                    return Results.Json(new { error = 13, message = "No correct phone numbers" });
                }

                var idx = form["idx"].ToString();
                if (form["check_idx"] == "1" && idx.Length > 0 && !usedIdx.TryAdd(idx, 0))
                {
                    return Results.Json(new { error = 105, message = "Invalid idx: already used" });
                }

                var id = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Sent.Enqueue(new SentSms(id, form["to"].ToString(), form["message"].ToString(), idx));
                return Results.Json(new { count = 1, list = new[] { new { id, points = 0.16, number = form["to"].ToString(), status = "QUEUE" } } });
        });
        });
    }

    private int requestCount;

    public string Url { get; }

    public ConcurrentQueue<SentSms> Sent { get; } = new();

    public int RequestCount => Volatile.Read(ref requestCount);

    /// <summary>The next <paramref name="count"/> requests get 503, as a gateway under maintenance answers.</summary>
    public void FailNext(int count) => Volatile.Write(ref failuresToServe, count);

    public Task<SentSms> WaitForAsync(Func<SentSms, bool> match, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => Sent.FirstOrDefault(match), "The expected SMS did not arrive at the gateway.", timeout);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record SentSms(string Id, string To, string Message, string Idx);

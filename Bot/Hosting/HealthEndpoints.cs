using System.Text.Json;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Asystent.Bot.Hosting;

/// <summary>
/// /health (the contract's report: 200 once index, model and database are ready) and the probes a
/// service manager or orchestrator asks: /health/live (the process answers: restart it if not) and
/// /health/ready (send it traffic: the same readiness as /health, as ASP.NET Core health checks).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public sealed record HealthReport(string Status, bool Database, bool Index, string? IndexGeneration, int Cards, bool IntentModel, string? Problem);

    public static IServiceCollection AddHealthProbes(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StartupHealthCheck>("startup", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health");
        // Liveness runs no check: a process that answers at all is alive, even while it is still starting.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).WithName("Liveness").WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).WithName("Readiness").WithTags("Health");
        return app;
    }

    public static IResult GetHealth(Readiness readiness, CardSearchService search, IntentClassifier intents)
    {
        var ready = IsReady(readiness, search, intents);
        var report = new HealthReport(
            ready ? "ready" : readiness.Failure is null ? "starting" : "failed",
            readiness.Database,
            search.IsReady,
            search.Generation,
            search.IsReady ? search.Catalogue.Cards.Count : 0,
            intents.IsReady,
            readiness.Failure);
        return TypedResults.Json(report, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    internal static bool IsReady(Readiness readiness, CardSearchService search, IntentClassifier intents) =>
        readiness.Database && search.IsReady && intents.IsReady && readiness.Failure is null;

    // {"status":"Healthy","checks":{"startup":{"status":"Healthy","description":"..."}}}: the status
    // code carries the verdict (200 or 503); the body says which check failed.
    private static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }

    private sealed class StartupHealthCheck(Readiness readiness, CardSearchService search, IntentClassifier intents) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(IsReady(readiness, search, intents) ? HealthCheckResult.Healthy("index, intent model and database ready")
                : readiness.Failure is { } failure ? HealthCheckResult.Unhealthy($"start-up failed: {failure}")
                : HealthCheckResult.Unhealthy($"starting: database {(readiness.Database ? "ready" : "not ready")}, index {(search.IsReady ? "ready" : "not ready")}, intent model {(intents.IsReady ? "ready" : "not ready")}"));
    }
}

using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Search;

namespace Asystent.Bot.Hosting;

public static class HealthEndpoints
{
    public sealed record HealthReport(string Status, bool Database, bool Index, string? IndexGeneration, int Cards, bool IntentModel, string? Problem);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Health");
        return app;
    }

    public static IResult GetHealth(Readiness readiness, CardSearchService search, IntentClassifier intents)
    {
        var ready = readiness.Database && search.IsReady && intents.IsReady && readiness.Failure is null;
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
}

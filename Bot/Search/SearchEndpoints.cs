using Asystent.Bot.Hosting;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Asystent.Bot.Search;

public static class SearchEndpoints
{
    /// <summary>The JSON shape of contracts.md: { query, language, answerable, results: [ { id, title, unit, score, snippet } ] }.</summary>
    public sealed record SearchResultDto(string Id, string Title, string Unit, string UnitCode, string Kind, float Score, string Snippet);

    /// <summary><paramref name="Answerable"/>: whether the first result answers the question (contracts.md); the chat presents no card when it is false.</summary>
    public sealed record SearchResponseDto(string Query, string Language, bool Answerable, IReadOnlyList<SearchResultDto> Results);

    public static IServiceCollection AddSearchApi(this IServiceCollection services)
    {
        services.AddSingleton<SearchQueryLog>();
        services.AddHostedService<SearchQueryLogWriter>();
        return services;
    }

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api")
            .RequireRateLimiting(HostingModule.ApiRateLimitPolicy)
            .WithTags("Search")
            .MapGet("/search", Search)
            .WithName("SearchCards")
            .WithSummary("Finds the service cards that answer a resident's question, best first.");
        return app;
    }

    public static Results<Ok<SearchResponseDto>, ValidationProblem> Search(
        string? q, string? lang, string? top, string? unit, string? kind,
        CardSearchService search, SearchQueryLog log, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        QueryValidation.Question(q, errors);
        var language = QueryValidation.Language(lang, errors);

        var count = 5;
        if (top is not null && (!int.TryParse(top, out count) || count < 1 || count > SearchRequest.MaxTop))
        {
            errors["top"] = [$"'top' must be a whole number from 1 to {SearchRequest.MaxTop}."];
        }

        Asystent.KnowledgeBase.ServiceCards.CardKind? cardKind = null;
        if (kind is not null)
        {
            // Names only: Enum.TryParse would also take "1".
            if (kind.ToLowerInvariant() is "service" or "redirect")
            {
                cardKind = Enum.Parse<Asystent.KnowledgeBase.ServiceCards.CardKind>(kind, ignoreCase: true);
            }
            else
            {
                errors["kind"] = ["'kind' must be service or redirect."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The search request is not valid");
        }

        var response = search.Search(new SearchRequest(q!, language, count, string.IsNullOrWhiteSpace(unit) ? null : unit, cardKind));
        log.Record("api", response, clock);
        return TypedResults.Ok(new SearchResponseDto(
            response.Query,
            response.Language.Code(),
            response.Answerable,
            response.Results.Select(r => new SearchResultDto(r.Id, r.Title, r.Unit, r.UnitCode, r.Kind.ToString().ToLowerInvariant(), r.Score, r.Snippet)).ToList()));
    }
}

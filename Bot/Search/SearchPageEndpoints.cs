using Asystent.Bot.Hosting;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Asystent.Bot.Search;

/// <summary>The information-point search: the page at /search, the units for its filter, and each card as a printable page.</summary>
public static class SearchPageEndpoints
{
    public sealed record UnitDto(string Code, string Name);

    public static WebApplication MapSearchPage(this WebApplication app)
    {
        var page = Path.Combine(app.Environment.WebRootPath, "search.html");
        app.MapGet("/search", () => Results.File(page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/search/cards/{id}", Card).ExcludeFromDescription();
        app.MapGet("/api/units", Units)
            .RequireRateLimiting(HostingModule.ApiRateLimitPolicy)
            .WithTags("Search")
            .WithSummary("The office's units (code and name in one language), for filtering searches.");
        return app;
    }

    public static Results<Ok<List<UnitDto>>, ValidationProblem> Units(string? lang, CardSearchService search)
    {
        // The same answer to an unknown language as the search API gives; no language means Polish.
        var errors = new Dictionary<string, string[]>();
        var language = QueryValidation.Language(lang, errors) ?? Language.Pl;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The units request is not valid");
        }

        var used = search.Catalogue.Cards.Select(c => c.Unit).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var units = search.Catalogue.Office.Units.Where(u => used.Contains(u.Code))
            .Select(u => new UnitDto(u.Code, u.Name.Best(language)))
            .OrderBy(u => u.Name, StringComparer.Create(language.Culture(), ignoreCase: true))
            .ToList();
        return TypedResults.Ok(units);
    }

    private static IResult Card(string id, string? lang, HttpContext http, CardSearchService search, KnowledgeBaseOptions options, TimeProvider clock, IConfiguration configuration)
    {
        var language = Languages.TryParse(lang, out var parsed) ? parsed : Language.Pl;
        if (search.Catalogue.Find(id) is not { } card)
        {
            return Results.Problem(title: "Unknown card", detail: $"There is no card '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));
        var baseUrl = configuration["PublicBaseUrl"]?.TrimEnd('/') ?? $"{http.Request.Scheme}://{http.Request.Host}";
        var url = $"{baseUrl}/search/cards/{Uri.EscapeDataString(card.Id)}?lang={language.Code()}";
        return Results.Content(CardPage.Render(card, search.Catalogue, language, now, url), "text/html; charset=utf-8");
    }
}

using Asystent.Bot.Hosting;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Asystent.Bot.Cards;

public static class CardEndpoints
{
    public static IEndpointRouteBuilder MapCardsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cards").RequireRateLimiting(HostingModule.ApiRateLimitPolicy).WithTags("Cards");
        group.MapGet("/{id}", GetCard).WithName("GetCard")
            .WithSummary("The whole card in one language, falling back to Polish field by field (listed in fallbackFields).");
        group.MapGet("/", ListCards).WithName("ListCards").WithSummary("Ids and titles of all cards.");
        return app;
    }

    public sealed record CardSummaryDto(string Id, string Kind, string Title, string Unit);

    public static Results<Ok<LocalizedCard>, ProblemHttpResult, ValidationProblem> GetCard(string id, string? lang, CardSearchService search)
    {
        if (!TryLanguage(lang, out var language))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = ["Use pl, en, uk or ru."] }, title: "Unknown language");
        }

        var catalogue = search.Catalogue;
        return catalogue.Find(id) is { } card
            ? TypedResults.Ok(LocalizedCard.From(card, catalogue, language))
            : TypedResults.Problem(
                title: "No such card",
                detail: $"There is no service card with the id '{(id.Length > 60 ? id[..60] + "…" : id)}'.",
                statusCode: StatusCodes.Status404NotFound);
    }

    public static Results<Ok<List<CardSummaryDto>>, ValidationProblem> ListCards(string? lang, CardSearchService search)
    {
        if (!TryLanguage(lang, out var language))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = ["Use pl, en, uk or ru."] }, title: "Unknown language");
        }

        var catalogue = search.Catalogue;
        return TypedResults.Ok(catalogue.Cards
            .Select(c => new CardSummaryDto(c.Id, c.Kind.ToString().ToLowerInvariant(), c.Title.Best(language), catalogue.UnitOf(c).Name.Best(language)))
            .ToList());
    }

    private static bool TryLanguage(string? lang, out Language language)
    {
        language = Language.Pl;
        return string.IsNullOrEmpty(lang) || Languages.TryParse(lang, out language);
    }
}

using Asystent.Bot.Hosting;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Understanding;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Asystent.Bot.Understanding;

public static class IntentEndpoints
{
    public sealed record AlternativeDto(string Intent, float Confidence);

    /// <summary>contracts.md: { intent, confidence, language, entities }, plus whether the confidence is enough to act on and the runners-up.</summary>
    public sealed record IntentResponseDto(
        string Intent,
        float Confidence,
        bool Confident,
        string Language,
        IReadOnlyDictionary<string, string> Entities,
        bool ContainsPersonalIdNumber,
        IReadOnlyList<AlternativeDto> Alternatives);

    public static IEndpointRouteBuilder MapIntentApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api")
            .RequireRateLimiting(HostingModule.ApiRateLimitPolicy)
            .WithTags("Understanding")
            .MapGet("/intent", Understand)
            .WithName("Intent")
            .WithSummary("What a message asks for (one of twelve intents), in which language, and the particulars it names.");
        return app;
    }

    public static Results<Ok<IntentResponseDto>, ValidationProblem> Understand(string? q, string? lang, MessageInterpreter interpreter)
    {
        var errors = new Dictionary<string, string[]>();
        QueryValidation.Question(q, errors);
        var language = QueryValidation.Language(lang, errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is not valid");
        }

        var understood = interpreter.Interpret(q!.Trim(), language);
        return TypedResults.Ok(new IntentResponseDto(
            understood.Intent.Intent,
            understood.Intent.Confidence,
            understood.Intent.IsConfident,
            understood.Language.Code(),
            understood.Entities.Values,
            understood.Entities.ContainsPesel,
            understood.Intent.Alternatives.Select(a => new AlternativeDto(a.Intent, a.Confidence)).ToList()));
    }
}

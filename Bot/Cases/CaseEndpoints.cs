using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Asystent.Bot.Hosting;
using Asystent.KnowledgeBase.Cases;
using Asystent.KnowledgeBase.Languages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Asystent.Bot.Cases;

/// <summary>
/// Case status over HTTP (contracts.md, "Case status") and the import from the office's systems.
/// An unknown case and a wrong code give the same 404 after the same work; failures are counted per
/// client address and per case number, and too many get 429 with Retry-After.
/// </summary>
public static class CaseEndpoints
{
    private const int MaxStatusBodyBytes = 2048;
    private const int MaxImportBytes = 10 * 1024 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record StatusRequestDto(string? CaseNumber, string? Code, string? Language);

    public sealed record StatusDto(string CaseNumber, string Status, string StatusText, string NextStep, DateOnly Deadline, bool ReadyForPickup, PickupView? Pickup);

    public sealed record ImportDto(int Created, int Updated, int Unchanged, int Notices, IReadOnlyList<ImportRejection> Rejected);

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").RequireRateLimiting(HostingModule.ApiRateLimitPolicy).WithTags("Cases");
        group.MapPost("/status", Status).WithName("CaseStatus").WithSummary("The status of a case, given its number and the code from the receipt.")
            .Accepts<StatusRequestDto>("application/json").Produces<StatusDto>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesValidationProblem();
        group.MapPost("/import", Import).WithName("ImportCases").WithSummary("Imports case records (JSON array or CSV) from the office's systems; needs X-Api-Key.")
            .Accepts<string>("application/json", "text/csv").Produces<ImportDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status503ServiceUnavailable).ProducesValidationProblem();
        return app;
    }

    public static async Task<IResult> Status(HttpContext http, CaseRegistry cases, FailedAttempts failures, CancellationToken cancellationToken)
    {
        var (dto, problem) = await JsonBody.ReadAsync<StatusRequestDto>(http.Request, MaxStatusBodyBytes, Json);
        if (dto is null)
        {
            return TypedResults.Problem(title: problem == JsonBodyProblem.TooLarge ? "Request too large" : "Malformed JSON",
                detail: "Send a JSON object: { \"caseNumber\", \"code\", \"language\" }.",
                statusCode: problem == JsonBodyProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        var errors = new Dictionary<string, string[]>();
        var number = dto.CaseNumber is { } n ? KnowledgeBase.Entities.CaseNumberRecognizer.Find(n) : null;
        if (number is null)
        {
            errors["caseNumber"] = ["Give the case number as on the receipt, e.g. KT.5410.123.2026."];
        }

        if (string.IsNullOrWhiteSpace(dto.Code) || dto.Code.Length > 32)
        {
            errors["code"] = ["Give the verification code printed on the receipt."];
        }

        var language = QueryValidation.Language(dto.Language, errors) ?? Language.Pl;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid request");
        }

        string[] keys = [FailedAttempts.Address(ClientAddress.Of(http)), $"case:{number}"];
        if (failures.RetryAfter(keys) is { } wait)
        {
            return TooManyAttempts.Problem(http, wait);
        }

        if (await cases.VerifyAsync(number!, dto.Code!, cancellationToken) is not { } found)
        {
            failures.Fail(keys);
            return TypedResults.Problem(title: "No such case",
                detail: "There is no case with this number and this code. Check both on your receipt.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var view = cases.Describe(found, language);
        return TypedResults.Ok(new StatusDto(view.CaseNumber, view.Status, view.StatusText, view.NextStep, view.Deadline, view.ReadyForPickup, view.Pickup));
    }

    public static async Task<IResult> Import(HttpContext http, CaseRegistry cases, IConfiguration configuration, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var key = configuration["Cases:ImportApiKey"];
        if (string.IsNullOrEmpty(key))
        {
            return TypedResults.Problem(title: "Import not configured", detail: "Set Cases:ImportApiKey to accept imports.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var given = http.Request.Headers["X-Api-Key"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key))))
        {
            return TypedResults.Problem(title: "Not authorised", detail: "A valid X-Api-Key header is required.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (http.Request.ContentLength > MaxImportBytes)
        {
            return TypedResults.Problem(title: "Request too large", detail: $"Send at most {MaxImportBytes / 1024 / 1024} MB per import.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, cancellationToken);
        var content = body.ToArray();
        List<CaseImportRow> rows;
        List<ImportRejection> unreadable;
        try
        {
            (rows, unreadable) = CaseImportReader.Read(content, CaseImportReader.LooksLikeCsv(http.Request.ContentType, content));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return TypedResults.Problem(title: "Unreadable import", detail: e is JsonException ? "The body is not valid JSON." : e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await cases.ImportAsync(rows, unreadable, "api", cancellationToken);
        loggers.CreateLogger(typeof(CaseEndpoints)).LogInformation("Case import: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Notices} notices",
            result.Created, result.Updated, result.Unchanged, result.Rejected.Count, result.Notices);
        return TypedResults.Ok(new ImportDto(result.Created, result.Updated, result.Unchanged, result.Notices, result.Rejected));
    }
}

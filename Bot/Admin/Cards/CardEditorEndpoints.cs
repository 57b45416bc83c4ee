using Asystent.Bot.Staff;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.ServiceCards.Editing;
using Microsoft.AspNetCore.Antiforgery;

namespace Asystent.Bot.Admin.Cards;

/// <summary>
/// The card editor at /admin/cards for admins and editors: list, edit, check as you type, preview,
/// save a draft, publish (a new index generation every running Bot picks up), history and restore.
/// Pages answer forms (anti-forgery checked by the form binding); the check and preview answer JSON,
/// with problem+json for bad input.
/// </summary>
public static class CardEditorEndpoints
{
    public static WebApplication MapCardEditor(this WebApplication app)
    {
        var group = app.MapGroup("/admin/cards").RequireAuthorization(StaffEndpoints.CardsPolicy).WithTags("Staff").ExcludeFromDescription();
        group.MapGet("", List);
        group.MapGet("/new", New);
        group.MapGet("/{id}", Edit);
        group.MapPost("/{id}/check", Check);
        group.MapPost("/{id}/preview", Preview);
        group.MapPost("/{id}/draft", SaveDraft);
        group.MapPost("/{id}/discard", Discard);
        group.MapPost("/{id}/publish", Publish);
        group.MapGet("/{id}/history", History);
        group.MapPost("/{id}/restore/{revision:long}", Restore);
        return app;
    }

    private static async Task<IResult> List(HttpContext http, CardFolder folder, CardDrafts drafts, KnowledgeBaseOptions options, IAntiforgery antiforgery, string? q, CancellationToken cancellationToken) =>
        StaffEndpoints.Html(CardListPage.Render(User(http), folder.List(), await drafts.AllAsync(cancellationToken), q, StaffEndpoints.Token(http, antiforgery), Zone(options)));

    private static IResult New(string? id) =>
        CardFolder.IsCardId(id) ? Results.Redirect($"/admin/cards/{id}")
        : NotCardId(id ?? "");

    private static async Task<IResult> Edit(string id, HttpContext http, CardFolder folder, CardDrafts drafts, CardSearchService search, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!CardFolder.IsCardId(id))
        {
            return NotCardId(id);
        }

        var state = await OpenAsync(id, folder, drafts, cancellationToken);
        var stale = state.Draft is { } draft && draft.BaseHash != folder.CurrentHash(id)
            ? new EditorMessage("Ten szkic powstał z wersji, którą ktoś potem zmienił i opublikował. Opublikowanie go zostanie odrzucone: odrzuć szkic i nanieś zmiany na nową wersję.", true, [])
            : null;
        return StaffEndpoints.Html(Page(http, state, folder, antiforgery, stale));
    }

    private static IResult Check(string id, IFormCollection form, CardFolder folder)
    {
        if (Read(id, form) is { } bad)
        {
            return bad;
        }

        var (yaml, problem) = CardForm.ToYaml(id, form);
        if (yaml is null)
        {
            var field = problem!.StartsWith(CardForm.FloorField + ":", StringComparison.Ordinal) ? CardForm.FloorField : "(form)";
            return Results.Json(new { valid = false, problems = new[] { new { field, line = (int?)null, message = problem, severity = "error" } }, yaml = "" });
        }

        var check = folder.Check(id, yaml);
        return Results.Json(new
        {
            valid = !check.HasErrors,
            problems = check.Problems.Select(p => new { field = p.Field, line = p.Line, message = p.Message, severity = p.Severity.ToString().ToLowerInvariant() }),
            yaml,
        });
    }

    private static IResult Preview(string id, IFormCollection form, string? lang, CardSearchService search, KnowledgeBaseOptions options, TimeProvider clock, IWebHostEnvironment environment)
    {
        if (Read(id, form) is { } bad)
        {
            return bad;
        }

        var language = Languages.TryParse(lang, out var parsed) ? parsed : Language.Pl;
        var (yaml, problem) = CardForm.ToYaml(id, form);
        var card = yaml is null ? null : CardFolder.Parse(id, yaml);
        if (card is null)
        {
            return Results.Problem(title: "The card cannot be read", detail: problem ?? "The YAML has a syntax error; the check lists it.", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone(options));
        var css = File.ReadAllText(Path.Combine(environment.WebRootPath, "search.css"));
        return Results.Json(CardPreview.Render(card, search.Catalogue, language, now, $"/search/cards/{id}?lang={language.Code()}", CardPreview.PrintRules(css)));
    }

    private static async Task<IResult> SaveDraft(string id, IFormCollection form, HttpContext http, CardFolder folder, CardDrafts drafts, CardSearchService search, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (Read(id, form) is { } bad)
        {
            return bad;
        }

        var submitted = Submitted(id, form);
        var (yaml, problem) = CardForm.ToYaml(id, form);
        if (yaml is null)
        {
            return StaffEndpoints.Html(Page(http, submitted, folder, antiforgery, new EditorMessage(problem!, true, [])), StatusCodes.Status422UnprocessableEntity);
        }

        var result = await drafts.SaveAsync(id, yaml, User(http).UserName, CardDraftSources.Editor, submitted.BaseHash, cancellationToken, submitted.DraftHash);
        if (result.Outcome != DraftOutcome.Saved)
        {
            return StaffEndpoints.Html(Page(http, submitted with { Text = yaml }, folder, antiforgery, new EditorMessage(Polish(result.Message), true, [])),
                result.Outcome == DraftOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }

        var saved = await OpenAsync(id, folder, drafts, cancellationToken);
        return StaffEndpoints.Html(Page(http, saved, folder, antiforgery, new EditorMessage("Szkic zapisany. Mieszkańcy nadal widzą opublikowaną wersję.", false, [])));
    }

    private static async Task<IResult> Discard(string id, HttpContext http, CardDrafts drafts, IFormCollection form, CancellationToken cancellationToken)
    {
        if (Read(id, form) is { } bad)
        {
            return bad;
        }

        await drafts.DiscardAsync(id, User(http).UserName, cancellationToken);
        return Results.Redirect($"/admin/cards/{id}");
    }

    private static async Task<IResult> Publish(string id, IFormCollection form, HttpContext http, CardFolder folder, CardDrafts drafts, CardPublisher publisher,
        CardSearchService search, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (Read(id, form) is { } bad)
        {
            return bad;
        }

        var submitted = Submitted(id, form);
        var (yaml, problem) = CardForm.ToYaml(id, form);
        if (yaml is null)
        {
            return StaffEndpoints.Html(Page(http, submitted, folder, antiforgery, new EditorMessage(problem!, true, [])), StatusCodes.Status422UnprocessableEntity);
        }

        // Publishing removes the card's draft: never someone else's newer one.
        var draft = await drafts.FindAsync(id, cancellationToken);
        var result = CardFolder.Hash(draft?.Yaml) != submitted.DraftHash
            ? new PublishResult(PublishOutcome.Conflict, $"{draft?.Author ?? "Ktoś"} zmienił szkic tej karty, gdy ją edytowałeś.", [])
            : await publisher.PublishAsync(id, yaml, User(http).UserName, submitted.BaseHash, cancellationToken);
        if (result.Outcome == PublishOutcome.Published)
        {
            var published = await OpenAsync(id, folder, drafts, cancellationToken);
            return StaffEndpoints.Html(Page(http, published, folder, antiforgery, new EditorMessage(
                $"Opublikowano. Asystent odpowiada już tą wersją (indeks {result.Revision!.Generation}).", false, result.Problems)));
        }

        var message = new EditorMessage(Polish(result.Message), true, result.Problems);
        return StaffEndpoints.Html(Page(http, submitted with { Text = yaml }, folder, antiforgery, message),
            result.Outcome == PublishOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> History(string id, HttpContext http, CardFolder folder, CardPublisher publisher, KnowledgeBaseOptions options, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!CardFolder.IsCardId(id))
        {
            return NotCardId(id);
        }

        var revisions = await publisher.HistoryAsync(id, cancellationToken);
        return StaffEndpoints.Html(CardHistoryPage.Render(User(http), id, revisions, folder.CurrentHash(id), StaffEndpoints.Token(http, antiforgery), Zone(options), null));
    }

    private static async Task<IResult> Restore(string id, long revision, IFormCollection form, HttpContext http, CardFolder folder, CardPublisher publisher,
        KnowledgeBaseOptions options, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (Read(id, form) is { } bad)
        {
            return bad;
        }

        var result = await publisher.RestoreAsync(id, revision, form["version"] == "before", User(http).UserName, form["baseHash"].ToString(), cancellationToken);
        if (result is null)
        {
            return Results.Problem(title: "Unknown version", detail: $"The card '{id}' has no published version {revision}.", statusCode: StatusCodes.Status404NotFound);
        }

        var status = result.Outcome switch
        {
            PublishOutcome.Published => StatusCodes.Status200OK,
            PublishOutcome.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var text = result.Outcome == PublishOutcome.Published ? $"Przywrócono wersję; asystent odpowiada nią już teraz (indeks {result.Revision!.Generation})." : Polish(result.Message);
        var revisions = await publisher.HistoryAsync(id, cancellationToken);
        return StaffEndpoints.Html(CardHistoryPage.Render(User(http), id, revisions, folder.CurrentHash(id), StaffEndpoints.Token(http, antiforgery), Zone(options),
            new EditorMessage(text, result.Outcome != PublishOutcome.Published, result.Problems)), status);
    }

    private static async Task<CardEditorState> OpenAsync(string id, CardFolder folder, CardDrafts drafts, CancellationToken cancellationToken)
    {
        var file = folder.ReadText(id);
        var draft = await drafts.FindAsync(id, cancellationToken);
        var text = draft?.Yaml ?? file ?? CardYamlWriter.Write(new ServiceCard { Id = id });
        return new CardEditorState(id, text, file is null, draft?.BaseHash ?? CardFolder.Hash(file), CardFolder.Hash(draft?.Yaml), draft);
    }

    /// <summary>What the editor's page carried: the text it opened and its hashes (the page is shown again with them after a refusal).</summary>
    private static CardEditorState Submitted(string id, IFormCollection form) =>
        new(id, form["base"].ToString(), form["baseHash"].ToString().Length == 0, form["baseHash"].ToString(), form["draftHash"].ToString(), null);

    // The office from the folder, not the index in service: the editor works while an index is still being built.
    private static string Page(HttpContext http, CardEditorState state, CardFolder folder, IAntiforgery antiforgery, EditorMessage? message) =>
        CardEditorPage.Render(User(http), state, folder.Office(), StaffEndpoints.Token(http, antiforgery), message);

    /// <summary>Problem+json for an id that cannot name a card or a text over the limit; null when the request can be read.</summary>
    private static IResult? Read(string id, IFormCollection form)
    {
        if (!CardFolder.IsCardId(id))
        {
            return NotCardId(id);
        }

        return form["yaml"].ToString().Length > CardFolder.MaxCardLength || form["base"].ToString().Length > CardFolder.MaxCardLength
            ? Results.Problem(title: "The card is too long", detail: $"A card may have at most {CardFolder.MaxCardLength} characters.", statusCode: StatusCodes.Status400BadRequest)
            : null;
    }

    private static IResult NotCardId(string id) =>
        Results.Problem(title: "Not a card id", detail: $"'{id}' is not a card id: use lower-case letters, digits and single hyphens, e.g. 'karta-wedkarska'.", statusCode: StatusCodes.Status400BadRequest);

    private static StaffUser User(HttpContext http) => StaffUser.From(http.User)!;

    private static TimeZoneInfo Zone(KnowledgeBaseOptions options) => TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    // The library speaks English (the Indexer and logs); the page speaks Polish to office staff.
    private static string Polish(string message) => message switch
    {
        _ when message.StartsWith("The card was published by someone else", StringComparison.Ordinal) || message.StartsWith("Someone else published", StringComparison.Ordinal)
            => "Ktoś inny opublikował tę kartę, gdy ją edytowałeś, więc Twoja zmiana nie została zapisana. Otwórz kartę ponownie, by zobaczyć nową wersję, i nanieś zmianę na nią. Twój tekst jest w widoku YAML poniżej.",
        _ when message.Contains("saved or published this card's draft", StringComparison.Ordinal) || message.StartsWith("Someone else saved a draft", StringComparison.Ordinal)
            => "Ktoś inny zapisał szkic tej karty, gdy ją edytowałeś, więc Twoja zmiana nie została zapisana. Otwórz kartę ponownie. Twój tekst jest w widoku YAML poniżej.",
        _ when message.StartsWith("The card was not published", StringComparison.Ordinal) => "Karta nie została opublikowana: popraw wymienione problemy.",
        _ when message.StartsWith("The search index could not be built", StringComparison.Ordinal) => "Nie udało się zbudować indeksu wyszukiwania, więc w użyciu zostaje poprzednia karta i indeks. Problemy:",
        _ => message,
    };
}

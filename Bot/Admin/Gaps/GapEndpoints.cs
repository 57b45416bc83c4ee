using Asystent.Bot.Staff;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Gaps;
using Asystent.KnowledgeBase.ServiceCards.Editing;
using Microsoft.AspNetCore.Antiforgery;

namespace Asystent.Bot.Admin.Gaps;

/// <summary>
/// The gap loop at /admin/gaps for admins and editors: the questions without a good answer, grouped
/// by meaning, and what staff do with a group (assign a card, mark it out of scope, start a new card).
/// Forms are anti-forgery checked by the form binding; bad input (an unknown group or card, a group
/// someone else already decided about) gets problem+json.
/// </summary>
public static class GapEndpoints
{
    private const int DefaultDays = 30;
    private const int MaxDays = 366;

    public static WebApplication MapGapLoop(this WebApplication app)
    {
        var group = app.MapGroup("/admin/gaps").RequireAuthorization(StaffEndpoints.CardsPolicy).WithTags("Staff").ExcludeFromDescription();
        group.MapGet("", List);
        group.MapPost("/{key}/assign", Assign);
        group.MapPost("/{key}/out-of-scope", OutOfScope);
        group.MapPost("/{key}/new-card", NewCard);
        return app;
    }

    private static async Task<IResult> List(HttpContext http, GapList gaps, CardFolder folder, KnowledgeBaseOptions options, TimeProvider clock, IAntiforgery antiforgery,
        string? days, string? assigned, string? dropped, CancellationToken cancellationToken)
    {
        if (Days(days) is not { } period)
        {
            return BadDays();
        }

        var (from, to) = Period(period, options, clock);
        var groups = await gaps.ListAsync(from, to, cancellationToken);
        return StaffEndpoints.Html(GapPage.Render(StaffUser.From(http.User)!, groups, folder.List(), period, StaffEndpoints.Token(http, antiforgery), assigned, dropped == "1"));
    }

    private static async Task<IResult> Assign(string key, IFormCollection form, HttpContext http, GapActions actions, KnowledgeBaseOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var card = form["card"].ToString().Trim();
        if (card.Length == 0)
        {
            return Results.Problem(title: "No card chosen", detail: "Choose the card that answers these questions ('card').", statusCode: StatusCodes.Status400BadRequest);
        }

        return await ActAsync(key, form, http, actions, options, clock, (group, user) => actions.AssignAsync(group, card, user, cancellationToken),
            (result, period) => Results.Redirect($"/admin/gaps?days={period}&assigned={Uri.EscapeDataString(result.CardId!)}"), cancellationToken);
    }

    private static Task<IResult> OutOfScope(string key, IFormCollection form, HttpContext http, GapActions actions, KnowledgeBaseOptions options, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(key, form, http, actions, options, clock, (group, user) => actions.OutOfScopeAsync(group, form["noCard"] == "on", user, cancellationToken),
            (_, period) => Results.Redirect($"/admin/gaps?days={period}&dropped=1"), cancellationToken);

    private static Task<IResult> NewCard(string key, IFormCollection form, HttpContext http, GapActions actions, KnowledgeBaseOptions options, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(key, form, http, actions, options, clock, (group, user) => actions.StartCardAsync(group, form["id"].ToString().Trim(), user, cancellationToken),
            (result, _) => Results.Redirect($"/admin/cards/{result.CardId}"), cancellationToken);

    /// <summary>Finds the group the form names in the period it was listed for, acts on it, and answers the outcome.</summary>
    private static async Task<IResult> ActAsync(string key, IFormCollection form, HttpContext http, GapActions actions, KnowledgeBaseOptions options, TimeProvider clock,
        Func<GapGroup, string, Task<GapActionResult>> act, Func<GapActionResult, int, IResult> done, CancellationToken cancellationToken)
    {
        if (Days(form["days"]) is not { } period)
        {
            return BadDays();
        }

        var (from, to) = Period(period, options, clock);
        var (group, refusal) = await actions.FindAsync(key, from, to, cancellationToken);
        var result = refusal ?? await act(group!, StaffUser.From(http.User)!.UserName);
        return result.Outcome switch
        {
            GapActionOutcome.Done => done(result, period),
            GapActionOutcome.UnknownGap => Results.Problem(title: "Unknown question group", detail: result.Message, statusCode: StatusCodes.Status404NotFound),
            GapActionOutcome.UnknownCard => Results.Problem(title: "Unknown card", detail: result.Message, statusCode: StatusCodes.Status422UnprocessableEntity),
            GapActionOutcome.Rejected => Results.Problem(title: "Not a card id", detail: result.Message, statusCode: StatusCodes.Status400BadRequest),
            GapActionOutcome.Stale => Results.Problem(title: "Already decided", detail: result.Message + " Reload the list.", statusCode: StatusCodes.Status409Conflict),
            _ => Results.Problem(title: "Not saved", detail: result.Message, statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static int? Days(string? text) =>
        string.IsNullOrEmpty(text) ? DefaultDays
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDays ? days : null;

    private static IResult BadDays() =>
        Results.Problem(title: "Invalid period", detail: $"'days' must be a whole number from 1 to {MaxDays}.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The last <paramref name="days"/> office days, today included.</summary>
    private static (DateOnly From, DateOnly To) Period(int days, KnowledgeBaseOptions options, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)).DateTime);
        return (today.AddDays(1 - days), today);
    }
}

using Asystent.Bot.Staff;
using Asystent.KnowledgeBase.Privacy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Asystent.Bot.Admin;

/// <summary>
/// A person's rights (RODO art. 15 and 17) for admins at /admin/privacy: find by phone or e-mail,
/// download the export as JSON, erase after a confirmation. The same <see cref="PersonalDataRequests"/>
/// as <c>Indexer privacy</c>, audited under the admin's user name. The contact travels only in POST
/// bodies (anti-forgery checked by the form binding), never in an address that could end up in a log.
/// </summary>
internal static class PersonalDataEndpoints
{
    public static RouteGroupBuilder MapPersonalData(this RouteGroupBuilder admin)
    {
        admin.MapGet("/privacy", (HttpContext http, IAntiforgery antiforgery) =>
            StaffEndpoints.Html(PersonalDataPage.Form(Admin(http), StaffEndpoints.Token(http, antiforgery), null, null, null)));
        admin.MapPost("/privacy/find", Find);
        admin.MapPost("/privacy/export", Export);
        admin.MapPost("/privacy/erase", Erase);
        return admin;
    }

    private static async Task<IResult> Find(HttpContext http, IAntiforgery antiforgery, PersonalDataRequests requests,
        [FromForm] string? phone, [FromForm] string? email, CancellationToken cancellationToken)
    {
        var token = StaffEndpoints.Token(http, antiforgery);
        if (Subject(phone, email) is not { } subject)
        {
            return Refused(http, token, phone, email);
        }

        var counts = await requests.CountAsync(subject, Admin(http).UserName, cancellationToken);
        return StaffEndpoints.Html(PersonalDataPage.Found(Admin(http), token, subject, counts));
    }

    private static async Task<IResult> Export(HttpContext http, IAntiforgery antiforgery, PersonalDataRequests requests, TimeProvider clock,
        [FromForm] string? phone, [FromForm] string? email, CancellationToken cancellationToken)
    {
        if (Subject(phone, email) is not { } subject)
        {
            return Refused(http, StaffEndpoints.Token(http, antiforgery), phone, email);
        }

        var (json, _) = await requests.ExportAsync(subject, Admin(http).UserName, cancellationToken);
        // The file name says when, not whose: downloads folders get synchronised and listed.
        return Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"dane-osobowe-{clock.GetUtcNow():yyyyMMdd-HHmmss}.json");
    }

    private static async Task<IResult> Erase(HttpContext http, IAntiforgery antiforgery, PersonalDataRequests requests,
        [FromForm] string? phone, [FromForm] string? email, [FromForm] string? confirm, CancellationToken cancellationToken)
    {
        var token = StaffEndpoints.Token(http, antiforgery);
        if (Subject(phone, email) is not { } subject)
        {
            return Refused(http, token, phone, email);
        }

        if (confirm != "yes")
        {
            return StaffEndpoints.Html(PersonalDataPage.Confirm(Admin(http), token, subject));
        }

        var erased = await requests.EraseAsync(subject, Admin(http).UserName, cancellationToken);
        return StaffEndpoints.Html(PersonalDataPage.Erased(Admin(http), token, subject, erased));
    }

    private static StaffUser Admin(HttpContext http) => StaffUser.From(http.User)!;

    /// <summary>Exactly one of phone and e-mail, valid; null otherwise.</summary>
    private static DataSubject? Subject(string? phone, string? email) =>
        string.IsNullOrWhiteSpace(phone) == string.IsNullOrWhiteSpace(email) ? null : DataSubject.Parse(phone, email).Subject;

    private static IResult Refused(HttpContext http, string token, string? phone, string? email)
    {
        var problem = (string.IsNullOrWhiteSpace(phone), string.IsNullOrWhiteSpace(email)) switch
        {
            (true, true) => "Podaj numer telefonu albo adres e-mail.",
            (false, false) => "Podaj numer telefonu albo adres e-mail, nie oba naraz.",
            (false, true) => "To nie jest poprawny numer telefonu.",
            _ => "To nie jest poprawny adres e-mail.",
        };
        return StaffEndpoints.Html(PersonalDataPage.Form(Admin(http), token, problem, phone, email), StatusCodes.Status400BadRequest);
    }
}

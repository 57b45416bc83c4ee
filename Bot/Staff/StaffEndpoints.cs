using System.Globalization;
using System.Security.Claims;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Search;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Asystent.Bot.Staff;

/// <summary>
/// The staff pages: sign-in, the day's visits of a unit (printable), and marking a visit as served
/// or a no-show. Forms carry antiforgery tokens; the cookie is HTTP-only and same-site.
/// </summary>
public static class StaffEndpoints
{
    public const string Scheme = "staff";
    public const string Policy = "staff";

    public static IServiceCollection AddStaffPages(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName);
        services.AddSingleton<StaffSignIn>();
        services.AddAntiforgery();
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.LoginPath = "/staff/signin";
            cookie.AccessDeniedPath = "/staff/signin";
            cookie.Cookie.Name = "asystent.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(9);
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static IEndpointRouteBuilder MapStaffPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/staff").WithTags("Staff").ExcludeFromDescription();
        group.MapGet("/signin", SignInPage).AllowAnonymous();
        group.MapPost("/signin", SignIn).AllowAnonymous().RequireRateLimiting(Hosting.HostingModule.ApiRateLimitPolicy);
        group.MapPost("/signout", (Delegate)SignOut).RequireAuthorization(Policy).WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapGet("/appointments", Day).RequireAuthorization(Policy);
        group.MapPost("/appointments/{code}/mark", Mark).RequireAuthorization(Policy);
        return app;
    }

    private static IResult SignInPage(HttpContext http, StaffSignIn signIn, IAntiforgery antiforgery, string? returnUrl) =>
        !signIn.IsConfigured ? Html(StaffPages.NotConfigured(), StatusCodes.Status503ServiceUnavailable)
        : Html(StaffPages.SignIn(Token(http, antiforgery), returnUrl, null));

    private static async Task<IResult> SignIn(HttpContext http, StaffSignIn signIn, IAntiforgery antiforgery,
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        if (!signIn.IsConfigured)
        {
            return Html(StaffPages.NotConfigured(), StatusCodes.Status503ServiceUnavailable);
        }

        switch (signIn.Check(userName, password))
        {
            case SignInOutcome.LockedOut:
                return Html(StaffPages.SignIn(Token(http, antiforgery), returnUrl, "Zbyt wiele nieudanych prób. Konto jest chwilowo zablokowane – spróbuj za kwadrans."), StatusCodes.Status429TooManyRequests);
            case SignInOutcome.Refused:
                return Html(StaffPages.SignIn(Token(http, antiforgery), returnUrl, "Nieprawidłowa nazwa użytkownika lub hasło."), StatusCodes.Status401Unauthorized);
        }

        var account = signIn.Find(userName!.Trim())!;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, account.UserName)], Scheme);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        // Only a staff page may be the way back, never an address from elsewhere.
        return Results.Redirect(returnUrl is { } back && back.StartsWith("/staff/", StringComparison.Ordinal) && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/staff/appointments");
    }

    private static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(Scheme);
        return Results.Redirect("/staff/signin");
    }

    private static async Task<IResult> Day(HttpContext http, StaffSignIn signIn, AppointmentBook book, CardSearchService search, TimeProvider clock,
        IAntiforgery antiforgery, string? unit, string? date, CancellationToken cancellationToken)
    {
        if (Account(http, signIn) is not { } account)
        {
            await http.SignOutAsync(Scheme);
            return Results.Redirect("/staff/signin");
        }

        var units = search.Catalogue.Booking.Queues.Select(q => q.Unit).Distinct(StringComparer.OrdinalIgnoreCase).Where(account.MaySee).ToList();
        var wanted = string.IsNullOrEmpty(unit) ? units.FirstOrDefault() ?? "" : unit;
        if (units.FirstOrDefault(u => string.Equals(u, wanted, StringComparison.OrdinalIgnoreCase)) is not { } chosen)
        {
            return Html(StaffPages.Forbidden(wanted), StatusCodes.Status403Forbidden);
        }

        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : book.Calendar.Today(clock.GetUtcNow());
        var visits = await book.DayAsync(chosen, day, cancellationToken);
        return Html(StaffPages.Day(account, search.Catalogue, chosen, day, visits, book.InOfficeTime, Token(http, antiforgery)));
    }

    private static async Task<IResult> Mark(string code, HttpContext http, StaffSignIn signIn, AppointmentBook book,
        [FromForm] string? status, [FromForm] string? unit, [FromForm] string? date, CancellationToken cancellationToken)
    {
        if (Account(http, signIn) is not { } account || unit is null || !account.MaySee(unit))
        {
            return Html(StaffPages.Forbidden(unit ?? ""), StatusCodes.Status403Forbidden);
        }

        var result = await book.MarkAsync(code, status ?? "", $"staff:{account.UserName}", cancellationToken, unit);
        if (!result.Succeeded)
        {
            return TypedResults.Problem(title: "Nie można oznaczyć wizyty", detail: result.Error switch
            {
                BookingError.NotFound => "Nie ma takiej wizyty w tym wydziale.",
                BookingError.Cancelled => "Ta wizyta została odwołana.",
                _ => "Nieznany status wizyty.",
            }, statusCode: result.Error == BookingError.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity);
        }

        return Results.Redirect($"/staff/appointments?unit={Uri.EscapeDataString(unit)}&date={Uri.EscapeDataString(date ?? "")}");
    }

    private static StaffAccount? Account(HttpContext http, StaffSignIn signIn) =>
        http.User.Identity?.Name is { } name ? signIn.Find(name) : null;

    private static string Token(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">";
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}

using System.Globalization;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Cases;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Staff;
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
    public const string AdminPolicy = "admin";

    /// <summary>The card editor: admins and editors.</summary>
    public const string CardsPolicy = "cards";

    /// <summary>The desk's work with residents (the clerk console, the day's visits): clerks and admins, never a card editor.</summary>
    public const string DeskPolicy = "desk";

    public static IServiceCollection AddStaffPages(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName);
        services.AddSingleton<StaffAccountSeeder>();
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
            // Pages send a person to sign in; the console's live connection and data get a plain status.
            cookie.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
            // Signed in but not allowed (a clerk at /admin): a plain 403, not another sign-in form.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.Admin))
            .AddPolicy(CardsPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.Admin, StaffRoles.Editor))
            .AddPolicy(DeskPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(StaffRoles.Clerk, StaffRoles.Admin));
        return services;
    }

    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/clerk/hub") || context.Request.Path.StartsWithSegments("/admin/export"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapStaffPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/staff").WithTags("Staff").ExcludeFromDescription();
        group.MapGet("/signin", SignInPage).AllowAnonymous();
        group.MapPost("/signin", SignIn).AllowAnonymous().RequireRateLimiting(Hosting.HostingModule.ApiRateLimitPolicy);
        group.MapPost("/signout", SignOut).RequireAuthorization(Policy);
        group.MapGet("/appointments", Day).RequireAuthorization(DeskPolicy);
        group.MapPost("/appointments/{code}/mark", Mark).RequireAuthorization(DeskPolicy);
        return app;
    }

    private static async Task<IResult> SignInPage(HttpContext http, StaffAccounts accounts, IAntiforgery antiforgery, string? returnUrl, CancellationToken cancellationToken) =>
        !await accounts.AnyAsync(cancellationToken) ? Html(StaffPages.NotConfigured(), StatusCodes.Status503ServiceUnavailable)
        : Html(StaffPages.SignIn(Token(http, antiforgery), returnUrl, null));

    // Every refusal looks the same (401, one message) whether the name is unknown, the password wrong
    // or the account locked; only the address's own throttle answers 429, and it says nothing about accounts.
    private static async Task<IResult> SignIn(HttpContext http, StaffAccounts accounts, IAntiforgery antiforgery, FailedAttempts failures,
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, CancellationToken cancellationToken)
    {
        if (!await accounts.AnyAsync(cancellationToken))
        {
            return Html(StaffPages.NotConfigured(), StatusCodes.Status503ServiceUnavailable);
        }

        var address = FailedAttempts.SignInAddress(Hosting.ClientAddress.Of(http));
        if (failures.RetryAfter(address) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Html(StaffPages.SignIn(Token(http, antiforgery), returnUrl, $"Zbyt wiele nieudanych prób z tego adresu. Spróbuj ponownie za {minutes} min."), StatusCodes.Status429TooManyRequests);
        }

        var result = await accounts.SignInAsync(userName, password, cancellationToken);
        if (result.Outcome != SignInOutcome.SignedIn)
        {
            failures.Fail(address);
            return Html(StaffPages.SignIn(Token(http, antiforgery), returnUrl, "Nieprawidłowa nazwa użytkownika lub hasło."), StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(Scheme, StaffUser.Principal(result.Account!, Scheme));
        return Results.Redirect(SafeReturn(returnUrl) ?? (result.Account!.Role == StaffRoles.Editor ? "/admin/cards" : "/clerk"));
    }

    /// <summary>Only a staff page may be the way back, never an address elsewhere.</summary>
    private static string? SafeReturn(string? returnUrl) =>
        returnUrl is { } back && !back.StartsWith("//", StringComparison.Ordinal) && !back.Contains('\\', StringComparison.Ordinal)
        && (back.StartsWith("/staff/", StringComparison.Ordinal) || back == "/clerk" || back.StartsWith("/clerk?", StringComparison.Ordinal) || back.StartsWith("/admin", StringComparison.Ordinal))
            ? back : null;

    // Checked here, not left to metadata: a page elsewhere must not be able to sign a clerk out.
    private static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(title: "Missing anti-forgery token", detail: "Sign out with the button on a staff page.", statusCode: StatusCodes.Status400BadRequest);
        }

        await http.SignOutAsync(Scheme);
        return Results.Redirect("/staff/signin");
    }

    private static async Task<IResult> Day(HttpContext http, AppointmentBook book, CardSearchService search, TimeProvider clock,
        IAntiforgery antiforgery, string? unit, string? date, CancellationToken cancellationToken)
    {
        var account = StaffUser.From(http.User)!;

        var units = search.Catalogue.Booking.Queues.Select(q => q.Unit).Distinct(StringComparer.OrdinalIgnoreCase).Where(account.MaySee).ToList();
        var wanted = string.IsNullOrEmpty(unit) ? units.FirstOrDefault() ?? "" : unit;
        if (units.FirstOrDefault(u => string.Equals(u, wanted, StringComparison.OrdinalIgnoreCase)) is not { } chosen)
        {
            return Html(StaffPages.Forbidden(wanted), StatusCodes.Status403Forbidden);
        }

        // A day outside the office's dates (a mistyped year) shows today, as no day does.
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && KnowledgeBase.OfficeDates.Contains(parsed) ? parsed : book.Calendar.Today(clock.GetUtcNow());
        var visits = await book.DayAsync(chosen, day, cancellationToken);
        return Html(StaffPages.Day(account, search.Catalogue, chosen, day, visits, book.InOfficeTime, Token(http, antiforgery)));
    }

    private static async Task<IResult> Mark(string code, HttpContext http, AppointmentBook book,
        [FromForm] string? status, [FromForm] string? unit, [FromForm] string? date, CancellationToken cancellationToken)
    {
        if (StaffUser.From(http.User) is not { } account || unit is null || !account.MaySee(unit))
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

    internal static string Token(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">";
    }

    internal static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}

using System.Globalization;
using System.Text;
using Asystent.Bot.Staff;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.FileProviders;

namespace Asystent.Bot.Admin;

/// <summary>The office's figures at /admin (admins only): a period, by channel and language, with charts and a CSV of every table.</summary>
public static class AdminEndpoints
{
    private const int MaxDays = 366;

    public static IServiceCollection AddAdminPages(this IServiceCollection services) => services.AddScoped<AnalyticsReport>();

    public static WebApplication MapAdminPages(this WebApplication app, string root)
    {
        var charts = Path.Combine(root, "Bot", "WebChat", "node_modules", "chart.js", "dist");
        if (Directory.Exists(charts))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(charts), RequestPath = "/lib/chart.js" });
        }

        var group = app.MapGroup("/admin").RequireAuthorization(StaffEndpoints.AdminPolicy).WithTags("Staff").ExcludeFromDescription();
        group.MapGet("", Page);
        group.MapGet("/export/{table}.csv", Export);
        group.MapPersonalData();
        return app;
    }

    private static async Task<IResult> Page(HttpContext http, AnalyticsReport report, CardSearchService search, KnowledgeBaseOptions options, TimeProvider clock, IAntiforgery antiforgery,
        string? from, string? to, string? channel, string? language, CancellationToken cancellationToken)
    {
        if (Filter(from, to, channel, language, options, clock) is not { } filter)
        {
            return Results.Problem(title: "Invalid period", detail: $"'from' and 'to' must be dates (YYYY-MM-DD), 'from' not after 'to', at most {MaxDays} days.", statusCode: StatusCodes.Status400BadRequest);
        }

        var summary = await report.BuildAsync(filter, cancellationToken);
        return StaffEndpoints.Html(AdminPage.Render(summary, search.Catalogue, StaffUser.From(http.User)!, StaffEndpoints.Token(http, antiforgery), http.Request.QueryString.Value ?? ""));
    }

    private static async Task<IResult> Export(string table, AnalyticsReport report, CardSearchService search, KnowledgeBaseOptions options, TimeProvider clock,
        string? from, string? to, string? channel, string? language, CancellationToken cancellationToken)
    {
        if (Filter(from, to, channel, language, options, clock) is not { } filter)
        {
            return Results.Problem(title: "Invalid period", detail: "'from' and 'to' must be dates (YYYY-MM-DD), 'from' not after 'to'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var summary = await report.BuildAsync(filter, cancellationToken);
        var csv = AdminCsv.Table(table, summary, search.Catalogue);
        return csv is null
            ? Results.Problem(title: "Unknown table", detail: $"There is no table '{table}'. Tables: {string.Join(", ", AdminCsv.Tables)}.", statusCode: StatusCodes.Status404NotFound)
            : Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"{table}-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.csv");
    }

    /// <summary>The period asked for (the last 30 days by default), or null when it makes no sense.</summary>
    private static AnalyticsFilter? Filter(string? from, string? to, string? channel, string? language, KnowledgeBaseOptions options, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)).DateTime);
        DateOnly? Parse(string? text, DateOnly fallback) =>
            string.IsNullOrEmpty(text) ? fallback
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && KnowledgeBase.OfficeDates.Contains(day) ? day : null;
        if (Parse(to, today) is not { } end || Parse(from, end.AddDays(-29)) is not { } start || start > end || end.DayNumber - start.DayNumber >= MaxDays)
        {
            return null;
        }

        return new AnalyticsFilter(start, end,
            string.IsNullOrWhiteSpace(channel) ? null : channel.Trim(),
            Languages.TryParse(language, out var parsed) ? parsed.Code() : null);
    }
}

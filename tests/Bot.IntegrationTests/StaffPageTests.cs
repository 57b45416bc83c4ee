using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The staff's day list: sign-in, unit limits, printing, marking visits, and forged or anonymous requests refused.</summary>
public sealed partial class StaffPageTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> AntiforgeryAsync(HttpClient browser, string url)
    {
        var page = await browser.GetStringAsync(url, Token);
        return Antiforgery().Match(page).Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string user, string password)
    {
        var token = await AntiforgeryAsync(browser, "/staff/signin");
        return await browser.PostAsync("/staff/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token, ["returnUrl"] = "",
        }), Token);
    }

    private async Task<(string Code, DateOnly Day)> BookAsync(string service, int daysAhead)
    {
        using var client = factory.CreateClient();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slots = await client.GetFromJsonAsync<JsonElement>(
            $"/api/appointments/slots?service={service}&from={today.AddDays(daysAhead):yyyy-MM-dd}&to={today.AddDays(daysAhead + 9):yyyy-MM-dd}", Token);
        var start = DateTimeOffset.Parse(slots[0].GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        using var response = await client.PostAsJsonAsync("/api/appointments",
            new { service, start = slots[0].GetProperty("start").GetString(), name = "Zofia Wiśniewska", phone = "600 111 222", language = "pl" }, Token);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("code").GetString()!;
        return (code, DateOnly.FromDateTime(start.DateTime));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var browser = Browser();
        using var response = await browser.GetAsync("/staff/appointments?unit=KT", Token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_sees_the_units_day_prints_it_and_marks_a_visit_served()
    {
        var (code, day) = await BookAsync("kt-prawo-jazdy", 11);
        using var browser = Browser();
        using var signedIn = await SignInAsync(browser, "anna", AssistantFactory.StaffPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var url = $"/staff/appointments?unit=KT&date={day:yyyy-MM-dd}";
        var page = await browser.GetStringAsync(url, Token);
        Assert.Contains(code, page, StringComparison.Ordinal);
        Assert.Contains("Zofia Wiśniewska", page, StringComparison.Ordinal);
        Assert.Contains("48 600 111 222", page, StringComparison.Ordinal);
        Assert.Contains("umówiona", page, StringComparison.Ordinal);
        Assert.Contains("window.print()", page, StringComparison.Ordinal);
        Assert.Contains("@media print", await browser.GetStringAsync("/staff.css", Token), StringComparison.Ordinal);

        var token = Antiforgery().Match(page).Groups[1].Value;
        using var marked = await browser.PostAsync($"/staff/appointments/{code}/mark", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["status"] = "served", ["unit"] = "KT", ["date"] = $"{day:yyyy-MM-dd}", ["__RequestVerificationToken"] = token,
        }), Token);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var visit = await db.Appointments.Include(a => a.History).SingleAsync(a => a.Code == code, Token);
        Assert.Equal("served", visit.Status);
        Assert.Equal("staff:anna", visit.History[^1].By);
        Assert.Contains("obsłużona", await browser.GetStringAsync(url, Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_cannot_see_or_mark_another_units_visits()
    {
        var (code, day) = await BookAsync("bp-paszporty", 12);
        using var browser = Browser();
        await SignInAsync(browser, "anna", AssistantFactory.StaffPassword);

        using var list = await browser.GetAsync($"/staff/appointments?unit=BP&date={day:yyyy-MM-dd}", Token);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);

        var token = await AntiforgeryAsync(browser, "/staff/appointments?unit=KT");
        using var mark = await browser.PostAsync($"/staff/appointments/{code}/mark", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["status"] = "no_show", ["unit"] = "BP", ["__RequestVerificationToken"] = token,
        }), Token);
        Assert.Equal(HttpStatusCode.Forbidden, mark.StatusCode);

        // Naming one's own unit does not reach another unit's visit either.
        using var sneaky = await browser.PostAsync($"/staff/appointments/{code}/mark", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["status"] = "no_show", ["unit"] = "KT", ["__RequestVerificationToken"] = token,
        }), Token);
        Assert.Equal(HttpStatusCode.NotFound, sneaky.StatusCode);

        using var office = Browser();
        await SignInAsync(office, "kierownik", AssistantFactory.StaffPassword);
        Assert.Contains(code, await office.GetStringAsync($"/staff/appointments?unit=BP&date={day:yyyy-MM-dd}", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var (code, _) = await BookAsync("kt-rejestracja", 12);
        using var browser = Browser();
        await SignInAsync(browser, "anna", AssistantFactory.StaffPassword);
        using var forged = await browser.PostAsync($"/staff/appointments/{code}/mark", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["status"] = "no_show", ["unit"] = "KT",
        }), Token);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Unknown_names_wrong_passwords_and_a_locked_account_get_the_same_answer()
    {
        using var browser = Browser();
        using var unknown = await SignInAsync(browser, "nobody", "whatever-password");
        using var wrong = await SignInAsync(browser, "zablokowany", "wrong-password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(Message(await unknown.Content.ReadAsStringAsync(Token)), Message(await wrong.Content.ReadAsStringAsync(Token)));

        for (var i = 0; i < 4; i++)
        {
            (await SignInAsync(browser, "zablokowany", "wrong-password-" + i)).Dispose();
        }

        // Locked now (five failures in this test's configuration), but it says no more than for a wrong password.
        using var locked = await SignInAsync(browser, "zablokowany", AssistantFactory.StaffPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(Message(await unknown.Content.ReadAsStringAsync(Token)), Message(await locked.Content.ReadAsStringAsync(Token)));
        using var scope = factory.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().StaffAccounts.SingleAsync(a => a.UserName == "zablokowany", Token);
        Assert.NotNull(account.LockedUntil);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token()
    {
        using var browser = Browser();
        (await SignInAsync(browser, "anna", AssistantFactory.StaffPassword)).Dispose();
        using var forged = await browser.PostAsync("/staff/signout", new FormUrlEncodedContent([]), Token);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var stillIn = await browser.GetAsync("/staff/appointments", Token);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        var token = await AntiforgeryAsync(browser, "/staff/appointments");
        using var signedOut = await browser.PostAsync("/staff/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Token);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var outNow = await browser.GetAsync("/staff/appointments", Token);
        Assert.Equal(HttpStatusCode.Redirect, outNow.StatusCode);
    }

    // The page's message, without the antiforgery token that differs on every page.
    private static string Message(string page) => Antiforgery().Replace(page, "");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}

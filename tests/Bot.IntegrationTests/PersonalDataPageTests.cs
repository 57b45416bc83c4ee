using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The admins' "Dane osobowe" page at /admin/privacy: find, export and erase a person's data, audited under the admin's name.</summary>
public sealed partial class PersonalDataPageTests(AssistantFactory factory)
{
    // Numbers no other test uses: the factory's database is shared.
    private const string Phone = "+48699321654";
    private const string OtherPhone = "+48699321655";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clerk_is_refused_and_an_admin_finds_exports_and_erases_after_confirming()
    {
        await SeedAsync();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var clerk = await ClerkConsole.SignInCookieAsync(factory, "anna");
        using (var page = await SendAsync(client, HttpMethod.Get, "/admin/privacy", clerk))
        {
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }

        using (var find = await SendAsync(client, HttpMethod.Post, "/admin/privacy/find", clerk, new() { ["phone"] = Phone }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, find.StatusCode);
        }

        var admin = await ClerkConsole.SignInCookieAsync(factory, "kierownik");
        var (cookies, antiforgery) = await FormAsync(client, admin);

        // Without the anti-forgery token a form post is refused, and nothing is audited.
        using (var forged = await SendAsync(client, HttpMethod.Post, "/admin/privacy/find", cookies, new() { ["phone"] = Phone }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using (var invalid = await SendAsync(client, HttpMethod.Post, "/admin/privacy/find", cookies, new() { ["phone"] = "12", ["__RequestVerificationToken"] = antiforgery }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Contains("To nie jest poprawny numer telefonu.", await invalid.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        // However the number is written, it is the same person.
        using (var found = await SendAsync(client, HttpMethod.Post, "/admin/privacy/find", cookies, new() { ["phone"] = "699 321 654", ["__RequestVerificationToken"] = antiforgery }))
        {
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            var html = await found.Content.ReadAsStringAsync(Token);
            Assert.Contains("<td>Wizyty</td><td>1</td>", html, StringComparison.Ordinal);
            Assert.Contains("<td>Prośby o kontakt</td><td>1</td>", html, StringComparison.Ordinal);
            Assert.Contains("<td>Rozmowy</td><td>1</td>", html, StringComparison.Ordinal);
            Assert.Contains("action=\"/admin/privacy/export\"", html, StringComparison.Ordinal);
        }

        using (var export = await SendAsync(client, HttpMethod.Post, "/admin/privacy/export", cookies, new() { ["phone"] = Phone, ["__RequestVerificationToken"] = antiforgery }))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
            var fileName = export.Content.Headers.ContentDisposition?.FileName ?? "";
            Assert.StartsWith("dane-osobowe-", fileName.Trim('"'), StringComparison.Ordinal);
            Assert.DoesNotContain("699", fileName, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync(Token));
            Assert.Equal("PRV1-TEST", json.RootElement.GetProperty("visits")[0].GetProperty("code").GetString());
            Assert.Equal("privacy-page-jan", json.RootElement.GetProperty("conversations")[0].GetProperty("id").GetString());
        }

        // Erase asks first; only the confirmed form removes anything.
        using (var ask = await SendAsync(client, HttpMethod.Post, "/admin/privacy/erase", cookies, new() { ["phone"] = Phone, ["__RequestVerificationToken"] = antiforgery }))
        {
            Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
            Assert.Contains("name=\"confirm\" value=\"yes\"", await ask.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Appointments.AnyAsync(a => a.Phone == Phone, Token));
        }

        using (var erase = await SendAsync(client, HttpMethod.Post, "/admin/privacy/erase", cookies,
            new() { ["phone"] = Phone, ["confirm"] = "yes", ["__RequestVerificationToken"] = antiforgery }))
        {
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
            var html = await erase.Content.ReadAsStringAsync(Token);
            Assert.Contains("Usunięto dane", html, StringComparison.Ordinal);
            Assert.Contains("<td>Wizyty</td><td>1</td>", html, StringComparison.Ordinal);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
            Assert.False(await db.Appointments.AnyAsync(a => a.Phone == Phone, Token));
            Assert.False(await db.CallbackRequests.AnyAsync(c => c.Contact == Phone, Token));
            Assert.False(await db.Conversations.AnyAsync(c => c.Id == "privacy-page-jan", Token));
            Assert.True(await db.CallbackRequests.AnyAsync(c => c.Contact == OtherPhone, Token));

            // Every step is audited under the admin's user name, naming the person only by the last digits.
            var audit = await db.StaffActions.AsNoTracking().Where(a => a.Subject == "phone …654").OrderBy(a => a.Id).ToListAsync(Token);
            Assert.Equal(["privacy_find", "privacy_export", "privacy_erase"], audit.Select(a => a.Action));
            Assert.All(audit, a => Assert.Equal("kierownik", a.UserName));
            Assert.All(audit, a => Assert.DoesNotContain("699321654", $"{a.Subject} {a.Detail}", StringComparison.Ordinal));
            Assert.False(await db.StaffActions.AnyAsync(a => a.UserName == "anna" && a.Action.StartsWith("privacy_"), Token));
        }
    }

    private async Task SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var now = DateTimeOffset.UtcNow;
        var start = new DateTime(2026, 12, 30, 9, 0, 0, DateTimeKind.Utc);
        db.Appointments.Add(new AppointmentRecord
        {
            Code = "PRV1-TEST", QueueId = "KT-rejestracja", Unit = "KT", StartsAt = start, EndsAt = start.AddMinutes(15), Day = DateOnly.FromDateTime(start),
            Seat = null, Name = "Jan Testowy", Phone = Phone, Language = "pl", Status = AppointmentStatus.Cancelled, CalendarToken = "privacy-page-token",
            CreatedAt = now, UpdatedAt = now,
        });
        CallbackRequestRecord Callback(string contact) => new()
        {
            Unit = "KT", Contact = contact, PreferredTime = "rano", Topic = "rejestracja", Language = "pl", Channel = "webchat", CreatedAt = now,
        };
        db.CallbackRequests.AddRange(Callback(Phone), Callback(OtherPhone));
        db.Conversations.Add(new ConversationRecord
        {
            Id = "privacy-page-jan", Channel = "webchat", StateJson = $$$"""{"booking":{"phone":"{{{Phone}}}"}}""", CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync(Token);
    }

    /// <summary>Opens the form as the admin; returns the cookies to send (staff and anti-forgery) and the form's token.</summary>
    private static async Task<(string Cookies, string Token)> FormAsync(HttpClient client, string staffCookie)
    {
        using var page = await SendAsync(client, HttpMethod.Get, "/admin/privacy", staffCookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Token);
        Assert.Contains("<h1>Dane osobowe</h1>", html, StringComparison.Ordinal);
        var set = page.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(c => c.Split(';')[0]) : [];
        return (string.Join("; ", set.Prepend(staffCookie)), Antiforgery().Match(html).Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string cookies, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookies);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        return await client.SendAsync(request, Token);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}

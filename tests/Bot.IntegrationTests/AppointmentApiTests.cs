using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Asystent.Bot.IntegrationTests.ProblemAssert;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// The appointments API over real HTTP with the real database, and confirmations through the real
/// SMS and SMTP clients to local fakes. Each test books its own service and day, so they do not
/// compete for slots.
/// </summary>
public sealed class AppointmentApiTests(AssistantFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Warsaw).DateTime);

    /// <summary>The first free slot of a service on the first open day at least <paramref name="daysAhead"/> days from today.</summary>
    private async Task<JsonElement> FreeSlotAsync(string service, int daysAhead, int skip = 0)
    {
        var from = Today.AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = Today.AddDays(daysAhead + 9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slots = await client.GetFromJsonAsync<JsonElement>($"/api/appointments/slots?service={service}&from={from}&to={to}", Token);
        return slots[skip];
    }

    private Task<HttpResponseMessage> BookAsync(string service, string start, string phone = "600 123 456", string? email = null, string language = "pl") =>
        client.PostAsJsonAsync("/api/appointments", new { service, start, name = "Jan Kowalski", phone = email is null ? phone : null, email, language }, Token);

    [Fact]
    public async Task The_bookable_services_are_listed_with_their_visit_length_and_desks()
    {
        var services = await client.GetFromJsonAsync<JsonElement>("/api/appointments/services?lang=en", Token);
        var registration = services.EnumerateArray().Single(s => s.GetProperty("service").GetString() == "kt-rejestracja");
        Assert.Equal("KT", registration.GetProperty("unit").GetString());
        Assert.Equal("Vehicle registration", registration.GetProperty("title").GetString());
        Assert.Equal(15, registration.GetProperty("slotMinutes").GetInt32());
        Assert.Equal(4, registration.GetProperty("windows").GetInt32());
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service").GetString() == "bp-paszporty");
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service").GetString() == "podgik-dokumenty");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_appointments_api()
    {
        var document = await client.GetStringAsync("/openapi/v1.json", Token);
        foreach (var expected in new[] { "/api/appointments/slots", "/api/appointments/{code}/move", "BookVisit", "CancelVisit", "VisitCalendarFile" })
        {
            Assert.Contains(expected, document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Slots_are_in_office_time_with_offset_and_only_on_open_days()
    {
        var from = Today.AddDays(1);
        var to = from.AddDays(13);
        var slots = await client.GetFromJsonAsync<JsonElement>(
            $"/api/appointments/slots?service=kt-prawo-jazdy&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", Token);

        Assert.True(slots.GetArrayLength() > 100);
        foreach (var slot in slots.EnumerateArray())
        {
            var text = slot.GetProperty("start").GetString()!;
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$", text);
            var start = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
            Assert.NotEqual(DayOfWeek.Saturday, start.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, start.DayOfWeek);
            Assert.InRange(slot.GetProperty("free").GetInt32(), 1, 2);
            Assert.Equal(start.AddMinutes(15), DateTimeOffset.Parse(slot.GetProperty("end").GetString()!, CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("/api/appointments/slots", "service")]
    [InlineData("/api/appointments/slots?service=no-such-service", "service")]
    [InlineData("/api/appointments/slots?service=kt-rejestracja&from=1.12.2026", "from")]
    [InlineData("/api/appointments/slots?service=kt-rejestracja&from=2026-12-10&to=2026-12-01", "to")]
    [InlineData("/api/appointments/slots?service=kt-rejestracja&from=2026-12-01&to=2027-06-01", "to")]
    public async Task Bad_slot_questions_get_a_problem_naming_the_field(string url, string field)
    {
        using var response = await client.GetAsync(url, Token);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_visit_is_booked_looked_up_and_confirmed_by_sms_with_a_calendar_file_link()
    {
        var slot = await FreeSlotAsync("podgik-dokumenty", 3);
        var start = slot.GetProperty("start").GetString()!;

        using var response = await BookAsync("podgik-dokumenty", start, "+48 600 100 200");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booked = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var code = booked.GetProperty("code").GetString()!;
        Assert.Equal($"/api/appointments/{code}", response.Headers.Location!.OriginalString);
        Assert.Equal(start, booked.GetProperty("start").GetString());
        Assert.Equal("podgik-dokumenty", booked.GetProperty("service").GetString());

        var visit = await client.GetFromJsonAsync<JsonElement>($"/api/appointments/{code}?phone=600100200", Token);
        Assert.Equal("booked", visit.GetProperty("status").GetString());
        Assert.Equal("Dokumenty geodezyjne i mapy", visit.GetProperty("title").GetString());

        var ics = await client.GetStringAsync(booked.GetProperty("icsUrl").GetString(), Token);
        Assert.Contains($"UID:{code}@powiat.example", ics);
        Assert.Contains("TZID=Europe/Warsaw", ics);

        var sms = await factory.Sms.WaitForAsync(s => s.Message.Contains(code, StringComparison.Ordinal));
        Assert.Equal("48600100200", sms.To);
        Assert.Contains("Powiatowy Ośrodek Dokumentacji", sms.Message);
    }

    [Fact]
    public async Task A_visit_booked_with_an_e_mail_is_confirmed_by_e_mail_with_the_calendar_file_attached()
    {
        var slot = await FreeSlotAsync("pzon-orzecznictwo", 4);
        using var response = await BookAsync("pzon-orzecznictwo", slot.GetProperty("start").GetString()!, email: "Anna.Nowak@example.com", language: "en");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("code").GetString()!;

        var mail = await factory.Smtp.WaitForAsync(m => m.Subject?.Contains(code, StringComparison.Ordinal) == true);
        Assert.Equal("anna.nowak@example.com", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("Visit confirmed", mail.Subject);
        Assert.Contains("Disability assessment", mail.TextBody);
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("wizyta.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
    }

    [Fact]
    public async Task Fifty_people_at_once_for_one_single_desk_slot_give_one_visit_and_forty_nine_conflicts()
    {
        var slot = await FreeSlotAsync("npp-porady", 5);
        var start = slot.GetProperty("start").GetString()!;
        Assert.Equal(1, slot.GetProperty("free").GetInt32());

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => BookAsync("npp-porady", start, $"+48 600 200 {i:D3}")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await AssertProblemAsync(conflict, HttpStatusCode.Conflict);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var startUtc = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture).UtcDateTime;
        Assert.Equal(1, await db.Appointments.CountAsync(a => a.QueueId == "npp-porady" && a.StartsAt == startUtc, Token));
    }

    [Fact]
    public async Task Times_that_cannot_be_booked_get_422_and_a_reason()
    {
        var saturday = Today.AddDays(((int)DayOfWeek.Saturday - (int)Today.DayOfWeek + 7) % 7 + 7);
        using var closed = await BookAsync("kt-rejestracja", $"{saturday:yyyy-MM-dd}T09:00:00");
        await AssertProblemAsync(closed, HttpStatusCode.UnprocessableEntity);

        using var past = await BookAsync("kt-rejestracja", $"{Today.AddDays(-3):yyyy-MM-dd}T09:00:00");
        await AssertProblemAsync(past, HttpStatusCode.UnprocessableEntity);

        var slot = await FreeSlotAsync("kt-rejestracja", 6);
        var notASlot = DateTimeOffset.Parse(slot.GetProperty("start").GetString()!, CultureInfo.InvariantCulture).AddMinutes(7);
        using var odd = await BookAsync("kt-rejestracja", notASlot.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        await AssertProblemAsync(odd, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("{\"service\": \"kt-rejestracja\", \"start\": ", null)]
    [InlineData("[1, 2, 3]", null)]
    [InlineData("{\"service\": \"kt-rejestracja\", \"start\": \"tomorrow\", \"name\": \"Jan\", \"phone\": \"600123456\"}", "start")]
    [InlineData("{\"service\": \"kt-rejestracja\", \"start\": \"2026-12-01T09:00:00+01:00\", \"name\": \"Jan\", \"phone\": \"12\"}", "phone")]
    [InlineData("{\"service\": \"kt-rejestracja\", \"start\": \"2026-12-01T09:00:00+01:00\", \"name\": \"Jan\"}", "phone or email")]
    [InlineData("{\"service\": \"kt-rejestracja\", \"start\": \"2026-12-01T09:00:00+01:00\", \"name\": \"\", \"phone\": \"600123456\"}", "name")]
    [InlineData("{\"service\": \"kt-rejestracja\", \"start\": \"2026-12-01T09:00:00+01:00\", \"name\": \"Jan\", \"phone\": \"600123456\", \"language\": \"de\"}", "lang")]
    [InlineData("{\"service\": \"zoo\", \"start\": \"2026-12-01T09:00:00+01:00\", \"name\": \"Jan\", \"phone\": \"600123456\"}", "service")]
    public async Task Malformed_or_invalid_bookings_get_400_and_nothing_is_stored(string body, string? field)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var before = await db.Appointments.CountAsync(a => a.Name == "Jan", Token);

        using var response = await client.PostAsync("/api/appointments", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await db.Appointments.CountAsync(a => a.Name == "Jan", Token));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_without_reading_it_all()
    {
        var body = $"{{\"service\": \"kt-rejestracja\", \"name\": \"{new string('a', 10_000)}\"}}";
        using var response = await client.PostAsync("/api/appointments", new StringContent(body, Encoding.UTF8, "application/json"), Token);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_visit_is_moved_and_cancelled_only_with_the_right_phone()
    {
        var first = await FreeSlotAsync("bom-profil-zaufany", 7);
        var second = await FreeSlotAsync("bom-profil-zaufany", 7, skip: 3);
        using var response = await BookAsync("bom-profil-zaufany", first.GetProperty("start").GetString()!, "600 300 400");
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("code").GetString()!;

        using var wrongPhone = await client.DeleteAsync($"/api/appointments/{code}?phone=600300401", Token);
        using var wrongCode = await client.DeleteAsync("/api/appointments/AAAA-AAAA?phone=600300400", Token);
        await AssertProblemAsync(wrongPhone, HttpStatusCode.NotFound);
        await AssertProblemAsync(wrongCode, HttpStatusCode.NotFound);
        Assert.Equal(Detail(await wrongCode.Content.ReadAsStringAsync(Token)), Detail(await wrongPhone.Content.ReadAsStringAsync(Token)));

        using var moved = await client.PostAsJsonAsync($"/api/appointments/{code}/move", new { start = second.GetProperty("start").GetString(), phone = "600300400" }, Token);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(second.GetProperty("start").GetString(), (await moved.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("start").GetString());

        using var cancelled = await client.DeleteAsync($"/api/appointments/{code}?phone=%2B48600300400", Token);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("status").GetString());

        await factory.Sms.WaitForAsync(s => s.Message.Contains(code, StringComparison.Ordinal) && s.Message.Contains("przeniesiono", StringComparison.Ordinal));
        await factory.Sms.WaitForAsync(s => s.Message.Contains(code, StringComparison.Ordinal) && s.Message.Contains("odwołana", StringComparison.Ordinal));

        using var movedAfterCancel = await client.PostAsJsonAsync($"/api/appointments/{code}/move", new { start = first.GetProperty("start").GetString(), phone = "600300400" }, Token);
        await AssertProblemAsync(movedAfterCancel, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_confirmation_survives_a_gateway_outage_and_is_never_sent_twice()
    {
        factory.Sms.FailNext(2);
        var slot = await FreeSlotAsync("bp-paszporty", 8);
        using var response = await BookAsync("bp-paszporty", slot.GetProperty("start").GetString()!, "600 500 600");
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("code").GetString()!;
        var sms = await factory.Sms.WaitForAsync(s => s.Message.Contains(code, StringComparison.Ordinal));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var record = await WaitForAsync(db, code, m => m.Status == OutboxStatus.Sent);
        Assert.Equal(sms.Id, record.ProviderId);

        // As if the server had stopped after sending but before writing that down: the message is due again.
        record.Status = OutboxStatus.Pending;
        record.NextAttemptAt = DateTime.UtcNow.AddSeconds(-1);
        await db.SaveChangesAsync(Token);
        factory.Services.GetRequiredService<OutboxSignal>().Pulse();
        db.ChangeTracker.Clear();
        var resent = await WaitForAsync(db, code, m => m.Status == OutboxStatus.Sent && m.ProviderId != sms.Id);

        Assert.StartsWith("idx", resent.ProviderId);
        Assert.Single(factory.Sms.Sent, s => s.Message.Contains(code, StringComparison.Ordinal));
    }

    private static async Task<OutboxMessageRecord> WaitForAsync(AssistantDbContext db, string code, Func<OutboxMessageRecord, bool> done)
    {
        var key = $"appointment:{code}:booked:";
        for (var i = 0; i < 300; i++)
        {
            db.ChangeTracker.Clear();
            var record = await db.Outbox.SingleAsync(m => m.DedupKey.StartsWith(key), Token);
            if (done(record))
            {
                return record;
            }

            await Task.Delay(100, Token);
        }

        throw new TimeoutException($"The confirmation of {code} did not reach the expected state.");
    }

    private static string? Detail(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString();
}

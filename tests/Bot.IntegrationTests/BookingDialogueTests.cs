using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Asystent.Bot.IntegrationTests.DirectLineChat;

namespace Asystent.Bot.IntegrationTests;

/// <summary>Booking, moving and cancelling visits in the conversation, through Direct Line, as a resident would.</summary>
public sealed partial class BookingDialogueTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<DirectLineChat> StartAsync(string locale = "pl-PL") => DirectLineChat.StartAsync(factory, locale);

    [Fact]
    public async Task A_resident_books_a_car_registration_visit_and_gets_a_code_a_calendar_file_and_an_sms()
    {
        using var chat = await StartAsync();

        var offer = await chat.SayAsync("chcę się umówić na rejestrację auta");
        Assert.Contains("Rejestracja pojazdu", Text(offer), StringComparison.Ordinal);
        var buttons = Actions(offer);
        Assert.Equal(["Inny dzień", "Nie, rezygnuję"], buttons[^2..]);
        Assert.Equal(3, buttons.Count - 2);

        var askName = await chat.SayAsync(buttons[0]);
        Assert.Contains("imię i nazwisko", Text(askName), StringComparison.Ordinal);
        Assert.Contains("Podaj numer telefonu", Text(await chat.SayAsync("Jan Kowalski")), StringComparison.Ordinal);

        var readBack = Text(await chat.SayAsync("600 700 800"));
        Assert.Contains("Jan Kowalski, +48600700800", readBack, StringComparison.Ordinal);
        Assert.Contains("Wydział Komunikacji i Transportu", readBack, StringComparison.Ordinal);

        var done = await chat.SayAsync("Tak, rezerwuję");
        var code = Code().Match(Text(done)).Groups[1].Value;
        Assert.NotEmpty(code);
        var calendar = done.GetProperty("attachments")[0];
        Assert.Equal("text/calendar", calendar.GetProperty("contentType").GetString());
        using var ics = await chat.Client.GetAsync(calendar.GetProperty("contentUrl").GetString(), Token);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Contains($"UID:{code}@", await ics.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        var sms = await factory.Sms.WaitForAsync(s => s.Message.Contains(code, StringComparison.Ordinal));
        Assert.Equal("48600700800", sms.To);

        // What is kept of the conversation has the phone number masked, and the dialogue state forgets it.
        var transcript = string.Join("\n", await chat.StoredTranscriptAsync(factory));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        Assert.DoesNotContain("600 700 800", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("+48600700800", transcript, StringComparison.Ordinal);
        var state = await db.Conversations.Where(c => c.Id == chat.Id).Select(c => c.StateJson).SingleAsync(Token);
        Assert.DoesNotContain("600700800", state!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_under_discussion_is_booked_and_a_day_and_time_in_words_are_understood()
    {
        using var chat = await StartAsync();
        await chat.SayAsync("paszport dla dziecka");
        var offer = await chat.SayAsync("Umów wizytę");
        Assert.Contains("Wniosek o paszport", Text(offer), StringComparison.Ordinal);

        // Weekdays named as a resident would; the ones chosen are open days next time they come round
        // (not a holiday), so the test holds in any week of the year.
        var (afternoonDay, afternoonWord) = NextOpenWeekday(except: DayOfWeek.Friday);
        var (exactDay, exactWord) = NextOpenWeekday(except: afternoonDay.DayOfWeek);
        var afternoon = await chat.SayAsync($"w {afternoonWord} po 14");
        var labels = Actions(afternoon)[..^2];
        Assert.NotEmpty(labels);
        Assert.All(labels, label => Assert.True(string.CompareOrdinal(label[^5..], "14:00") >= 0, label));
        var abbreviation = afternoonDay.ToString("ddd", System.Globalization.CultureInfo.GetCultureInfo("pl-PL"));
        Assert.All(labels, label => Assert.StartsWith(abbreviation, label, StringComparison.Ordinal));

        var exact = Text(await chat.SayAsync($"w {exactWord} o 10:15"));
        Assert.Contains(exactDay.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("pl-PL")), exact, StringComparison.Ordinal);
        Assert.Contains("10:15", exact, StringComparison.Ordinal);
        Assert.Contains("imię i nazwisko", exact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visit_is_cancelled_in_the_chat_with_its_code_and_phone()
    {
        var code = await BookThroughApiAsync("kt-prawo-jazdy", 9, "600 800 900");
        using var chat = await StartAsync();

        Assert.Contains("kod wizyty", Text(await chat.SayAsync("chcę odwołać wizytę")), StringComparison.Ordinal);
        Assert.Contains("numer telefonu", Text(await chat.SayAsync(code.ToLowerInvariant())), StringComparison.Ordinal);
        var confirm = await chat.SayAsync("600800900");
        Assert.Contains("Prawo jazdy", Text(confirm), StringComparison.Ordinal);
        Assert.Contains("Tak, odwołaj", Actions(confirm));

        Assert.Contains("odwołana", Text(await chat.SayAsync("Tak, odwołaj")), StringComparison.Ordinal);
        var visit = await chat.Client.GetFromJsonAsync<JsonElement>($"/api/appointments/{code}?phone=600800900", Token);
        Assert.Equal("cancelled", visit.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_visit_is_moved_in_the_chat_by_picking_a_number_from_the_list()
    {
        var code = await BookThroughApiAsync("kt-prawo-jazdy", 10, "600 900 100");
        using var chat = await StartAsync();

        Assert.Contains("numer telefonu", Text(await chat.SayAsync($"chcę przełożyć wizytę {code}")), StringComparison.Ordinal);
        var offer = await chat.SayAsync("600 900 100");
        Assert.Contains("Na kiedy ją przenieść", Text(offer), StringComparison.Ordinal);
        var second = Actions(offer)[1];

        var confirm = await chat.SayAsync("2");
        Assert.Contains(code, Text(confirm), StringComparison.Ordinal);
        var moved = await chat.SayAsync("tak");
        Assert.Contains("Przeniesione", Text(moved), StringComparison.Ordinal);
        Assert.Contains(code, Text(moved), StringComparison.Ordinal);

        var visit = await chat.Client.GetFromJsonAsync<JsonElement>($"/api/appointments/{code}?phone=600900100", Token);
        var start = DateTimeOffset.Parse(visit.GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
        Assert.EndsWith(start.ToString("HH:mm", CultureInfo.InvariantCulture), second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_leaves_the_booking_and_the_next_question_is_answered_normally()
    {
        using var chat = await StartAsync();
        await chat.SayAsync("chcę się umówić na wizytę");
        Assert.Contains("niczego nie zmieniam", Text(await chat.SayAsync("anuluj")), StringComparison.Ordinal);
        Assert.Contains("Karta wędkarska", Text(await chat.SayAsync("karta wędkarska")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unclear_answers_get_the_question_again_and_then_the_phone_and_a_person()
    {
        using var chat = await StartAsync();
        await chat.SayAsync("chcę odwołać wizytę");
        Assert.Contains("8 znaków", Text(await chat.SayAsync("nie pamiętam")), StringComparison.Ordinal);
        Assert.Contains("8 znaków", Text(await chat.SayAsync("naprawdę nie wiem")), StringComparison.Ordinal);
        var giveUp = await chat.SayAsync("???");
        Assert.Contains("telefonicznie", Text(giveUp), StringComparison.Ordinal);
        Assert.Contains("Rozmowa z człowiekiem", Actions(giveUp));
    }

    [Fact]
    public async Task A_new_request_instead_of_an_answer_starts_over_in_the_persons_language()
    {
        using var chat = await StartAsync();
        Assert.Contains("kod wizyty", Text(await chat.SayAsync("chcę odwołać wizytę")), StringComparison.Ordinal);
        var services = await chat.SayAsync("я хочу записатися на прийом");
        Assert.Contains("На який прийом", Text(services), StringComparison.Ordinal);
        Assert.Contains("Посвідчення водія", Actions(services));
        Assert.Contains("Посвідчення водія", Text(await chat.SayAsync("2")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_too_far_ahead_is_explained_and_the_nearest_times_are_offered()
    {
        using var chat = await StartAsync();
        await chat.SayAsync("chcę się umówić na rejestrację auta");
        var far = Text(await chat.SayAsync($"{DateTime.UtcNow.AddDays(50):d.MM.yyyy}"));
        Assert.Contains("zapisy są otwarte do", far, StringComparison.Ordinal);
        Assert.Contains("1. ", far, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("umów mnie na paszport 31.12.9999")]
    [InlineData("book a visit for a passport on 5 May 2300")]
    public async Task A_day_centuries_ahead_in_the_first_message_is_explained_too(string message)
    {
        using var chat = await StartAsync(message.StartsWith("book", StringComparison.Ordinal) ? "en-GB" : "pl-PL");
        var far = Text(await chat.SayAsync(message));
        Assert.Matches("zapisy są otwarte do|booking is open until", far);
        Assert.Contains("1. ", far, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreigner_books_in_english()
    {
        using var chat = await StartAsync("en-GB");
        var offer = await chat.SayAsync("I would like to book an appointment for a passport");
        Assert.Contains("Passport application", Text(offer), StringComparison.Ordinal);
        Assert.Contains("Another day", Actions(offer));
        Assert.Contains("first name and surname", Text(await chat.SayAsync("1")), StringComparison.Ordinal);
    }

    /// <summary>The date "w środę" means today (the next such weekday, a week on when it is today) for the first working weekday that is not a holiday.</summary>
    private static (DateOnly Day, string Word) NextOpenWeekday(DayOfWeek except)
    {
        string[] words = ["", "poniedziałek", "wtorek", "środę", "czwartek", "piątek"];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw")).DateTime);
        return Enumerable.Range(1, 7).Select(today.AddDays)
            .Where(d => d.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Friday && d.DayOfWeek != except && !Asystent.KnowledgeBase.Appointments.PolishHolidays.IsHoliday(d))
            .Select(d => (d, words[(int)d.DayOfWeek]))
            .First();
    }

    private async Task<string> BookThroughApiAsync(string service, int daysAhead, string phone)
    {
        using var client = factory.CreateClient();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slots = await client.GetFromJsonAsync<JsonElement>(
            $"/api/appointments/slots?service={service}&from={today.AddDays(daysAhead):yyyy-MM-dd}&to={today.AddDays(daysAhead + 9):yyyy-MM-dd}", Token);
        using var response = await client.PostAsJsonAsync("/api/appointments",
            new { service, start = slots[0].GetProperty("start").GetString(), name = "Ewa Nowak", phone, language = "pl" }, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("code").GetString()!;
    }

    [GeneratedRegex(@"\*\*([A-Z0-9]{4}-[A-Z0-9]{4})\*\*")]
    private static partial Regex Code();
}

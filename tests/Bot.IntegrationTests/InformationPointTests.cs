using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Asystent.Bot.IntegrationTests.DirectLineChat;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The information desk's search page and card pages, the satisfaction survey, and the admins' analytics.</summary>
public sealed class InformationPointTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_search_page_the_units_and_a_card_page_with_its_QR_code_are_served()
    {
        using var client = factory.CreateClient();
        Assert.Contains("role=\"combobox\"", await client.GetStringAsync("/search", Token), StringComparison.Ordinal);
        var units = await client.GetFromJsonAsync<JsonElement>("/api/units?lang=en", Token);
        Assert.Contains(units.EnumerateArray(), u => u.GetProperty("code").GetString() == "KT");
        using var unknownLanguage = await client.GetAsync("/api/units?lang=xx", Token);
        await ProblemAssert.AssertProblemAsync(unknownLanguage, HttpStatusCode.BadRequest);

        var card = await client.GetStringAsync("/search/cards/rejestracja-pojazdu-uzywanego?lang=en", Token);
        Assert.Contains("<html lang=\"en\">", card, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", card, StringComparison.Ordinal);
        Assert.Contains("/search/cards/rejestracja-pojazdu-uzywanego?lang=en", card, StringComparison.Ordinal);
        Assert.Contains("class=\"checklist\"", card, StringComparison.Ordinal);

        using var unknown = await client.GetAsync("/search/cards/no-such-card", Token);
        await ProblemAssert.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_goodbye_brings_one_survey_question_whose_rating_and_comment_are_counted()
    {
        using var chat = await StartAsync(factory);
        await chat.SayAsync("gdzie zarejestrować samochód z Niemiec");
        await chat.SayAsync("dziękuję, do widzenia");
        var question = await chat.WaitForAsync(a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("Jak oceniasz", StringComparison.Ordinal), "the survey question");
        Assert.Equal(["1", "2", "3", "4", "5"], Actions(question));
        Assert.Contains("Chcesz coś dodać", Text(await chat.SayAsync("4")), StringComparison.Ordinal);
        Assert.Contains("Dziękujemy za opinię", Text(await chat.SayAsync("Szybko i konkretnie, tel. 600 100 200")), StringComparison.Ordinal);

        // Never twice in one conversation.
        await chat.SayAsync("do widzenia");
        Assert.Single(await chat.ActivitiesAsync(), a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("Jak oceniasz", StringComparison.Ordinal));

        var events = await Fakes.Eventually.ValueAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().AnalyticsEvents.AsNoTracking()
                .Where(e => e.ConversationId == chat.Id).ToListAsync(Token);
            return found.Any(e => e.Kind == AnalyticsKinds.Comment) ? found : null;
        }, "the survey events were not stored", TimeSpan.FromSeconds(20));
        Assert.Equal(4, events.Single(e => e.Kind == AnalyticsKinds.Rating).Value);
        Assert.DoesNotContain("600 100 200", events.Single(e => e.Kind == AnalyticsKinds.Comment).Text, StringComparison.Ordinal);
        Assert.Contains(events, e => e.Kind == AnalyticsKinds.Message && e.Outcome == MessageOutcomes.Answered && e.CardId == "rejestracja-pojazdu-sprowadzonego");
    }

    [Fact]
    public async Task Analytics_are_for_admins_with_a_csv_of_every_table()
    {
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var redirected = await anonymous.GetAsync("/admin", Token);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);

        var clerk = await ClerkConsole.SignInCookieAsync(factory, "anna");
        using var forbidden = await SendAsync(anonymous, "/admin", clerk);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        // A question nobody can answer, so the gaps table has something to show. Asked in three
        // conversations: the table lists the most asked gaps, and other tests of this shared assistant
        // (the real questions asked in the chat) leave many gaps asked once.
        for (var i = 0; i < 3; i++)
        {
            using var chat = await StartAsync(factory);
            await chat.SayAsync("qwerty zxcv asdf");
        }

        var admin = await ClerkConsole.SignInCookieAsync(factory, "kierownik");
        var gaps = await Fakes.Eventually.ValueAsync(async () =>
        {
            using var csv = await SendAsync(anonymous, "/admin/export/gaps.csv", admin);
            var bytes = await csv.Content.ReadAsByteArrayAsync(Token);
            return System.Text.Encoding.UTF8.GetString(bytes).Contains("qwerty zxcv asdf", StringComparison.Ordinal) ? bytes : null;
        }, "the gap never reached the analytics", TimeSpan.FromSeconds(20));
        // A byte-order mark first, so a spreadsheet opens the Polish letters as UTF-8.
        Assert.Equal([0xEF, 0xBB, 0xBF], gaps[..3]);
        Assert.StartsWith("question,times\r\n", System.Text.Encoding.UTF8.GetString(gaps[3..]), StringComparison.Ordinal);

        using var page = await SendAsync(anonymous, "/admin", admin);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Token);
        Assert.Contains("Bez udziału człowieka", html, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.js", html, StringComparison.Ordinal);

        using var unknown = await SendAsync(anonymous, "/admin/export/secrets.csv", admin);
        await ProblemAssert.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        using var backwards = await SendAsync(anonymous, "/admin?from=2026-12-01&to=2026-11-01", admin);
        await ProblemAssert.AssertProblemAsync(backwards, HttpStatusCode.BadRequest);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Token);
    }

    [Fact]
    public void A_quiet_chat_is_asked_only_after_an_answer_with_nothing_under_way_and_only_once()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var quiet = TimeSpan.FromMinutes(5);
        var answered = new Conversation.DialogState(KnowledgeBase.Languages.Language.Pl, CardId: "paszport-dla-dziecka");
        Assert.True(Conversation.Survey.IdleSurvey.IsDue(answered, now.AddMinutes(-6), now, quiet));
        Assert.False(Conversation.Survey.IdleSurvey.IsDue(answered, now.AddMinutes(-4), now, quiet));
        Assert.False(Conversation.Survey.IdleSurvey.IsDue(answered with { CardId = null }, now.AddMinutes(-6), now, quiet));
        Assert.False(Conversation.Survey.IdleSurvey.IsDue(answered with { SurveyAsked = true }, now.AddMinutes(-6), now, quiet));
        Assert.False(Conversation.Survey.IdleSurvey.IsDue(answered with { Handoff = new Conversation.Handoff.HandoffDialog("waiting", "request", "BOM") }, now.AddMinutes(-6), now, quiet));
    }
}

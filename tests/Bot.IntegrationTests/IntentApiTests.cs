using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

public sealed class IntentApiTests(AssistantFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> AskAsync(string message) =>
        await client.GetFromJsonAsync<JsonElement>("/api/intent?q=" + Uri.EscapeDataString(message), Token);

    [Fact]
    public async Task A_case_status_question_gives_the_intent_the_case_number_and_its_unit()
    {
        var body = await AskAsync("jaki jest status sprawy KT.5410.123.2026");
        Assert.Equal("case_status", body.GetProperty("intent").GetString());
        Assert.Equal("pl", body.GetProperty("language").GetString());
        Assert.InRange(body.GetProperty("confidence").GetSingle(), 0.6f, 1f);
        Assert.True(body.GetProperty("confident").GetBoolean());
        var entities = body.GetProperty("entities");
        Assert.Equal("KT.5410.123.2026", entities.GetProperty("case_number").GetString());
        Assert.Equal("KT", entities.GetProperty("unit").GetString());
        Assert.False(entities.TryGetProperty("service", out _));
    }

    [Fact]
    public async Task A_booking_request_gives_a_bookable_service_a_date_and_a_time()
    {
        var body = await AskAsync("chcę się umówić na rejestrację auta z Niemiec na 15 grudnia o 10:30");
        Assert.Equal("book_appointment", body.GetProperty("intent").GetString());
        var entities = body.GetProperty("entities");
        Assert.Equal("rejestracja-pojazdu-sprowadzonego", entities.GetProperty("service").GetString());
        Assert.Equal("KT", entities.GetProperty("unit").GetString());
        Assert.EndsWith("-12-15", entities.GetProperty("date").GetString(), StringComparison.Ordinal);
        Assert.Equal("10:30", entities.GetProperty("time").GetString());
    }

    [Fact]
    public async Task Contact_details_are_recognised_and_a_pesel_only_flagged()
    {
        var body = await AskAsync("oddzwońcie na 600 123 456 albo jan@example.com, mój pesel 44051401359");
        var entities = body.GetProperty("entities");
        Assert.Equal("+48600123456", entities.GetProperty("phone").GetString());
        Assert.Equal("jan@example.com", entities.GetProperty("email").GetString());
        Assert.True(body.GetProperty("containsPersonalIdNumber").GetBoolean());
        Assert.DoesNotContain("44051401359", body.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I want to talk to a human", "human_handoff", "en")]
    [InlineData("добрий день", "greeting", "uk")]
    [InlineData("большое спасибо", "thanks", "ru")]
    public async Task Other_languages_are_understood(string message, string intent, string language)
    {
        var body = await AskAsync(message);
        Assert.Equal(intent, body.GetProperty("intent").GetString());
        Assert.Equal(language, body.GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("/api/intent", "q")]
    [InlineData("/api/intent?q=%20", "q")]
    [InlineData("/api/intent?q=hej&lang=fr", "lang")]
    public async Task Bad_intent_requests_get_problem_json(string url, string field)
    {
        using var response = await client.GetAsync(url, Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_over_long_message_is_refused()
    {
        using var response = await client.GetAsync("/api/intent?q=" + new string('x', 2000), Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_includes_the_intent_model() =>
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/health", Token)).GetProperty("intentModel").GetBoolean());
}

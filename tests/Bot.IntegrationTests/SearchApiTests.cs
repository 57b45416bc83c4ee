using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static Asystent.Bot.IntegrationTests.ProblemAssert;

namespace Asystent.Bot.IntegrationTests;

public sealed class SearchApiTests(AssistantFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_answers_the_question_from_the_issue_with_the_imported_car_card_first()
    {
        using var response = await client.GetAsync("/api/search?q=gdzie zarejestrowac auto z niemiec", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("pl", body.GetProperty("language").GetString());
        Assert.Equal("gdzie zarejestrowac auto z niemiec", body.GetProperty("query").GetString());
        var first = body.GetProperty("results")[0];
        Assert.Equal("rejestracja-pojazdu-sprowadzonego", first.GetProperty("id").GetString());
        Assert.Equal("Wydział Komunikacji i Transportu", first.GetProperty("unit").GetString());
        Assert.True(first.GetProperty("score").GetSingle() > 0);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("snippet").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("gdzie zarejestrowac auto z niemiec", true)]
    [InlineData("jaka jutro będzie pogoda", false)]
    public async Task Search_says_whether_its_first_card_answers_the_question(string question, bool answerable)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString(question), Token);
        Assert.Equal(answerable, body.GetProperty("answerable").GetBoolean());
    }

    [Fact]
    public async Task Search_honours_lang_and_top()
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=paszport&lang=uk&top=2", Token);
        Assert.Equal("uk", body.GetProperty("language").GetString());
        Assert.Equal(2, body.GetProperty("results").GetArrayLength());
        Assert.Matches("[\u0400-\u04FF]", body.GetProperty("results")[0].GetProperty("title").GetString()!);
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=", "q")]
    [InlineData("/api/search?q=%20%20%20", "q")]
    [InlineData("/api/search?q=paszport&lang=de", "lang")]
    [InlineData("/api/search?q=paszport&top=0", "top")]
    [InlineData("/api/search?q=paszport&top=1000", "top")]
    [InlineData("/api/search?q=paszport&top=abc", "top")]
    [InlineData("/api/search?q=paszport&kind=1", "kind")]
    public async Task Bad_search_requests_get_a_problem_json_saying_what_is_wrong(string url, string field)
    {
        using var response = await client.GetAsync(url, Token);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_ten_kilobyte_question_is_refused_politely()
    {
        using var response = await client.GetAsync("/api/search?q=" + new string('a', 10_240), Token);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "q");
    }

    [Fact]
    public async Task Card_api_returns_the_card_whole_in_ukrainian_with_no_field_falling_back()
    {
        var card = await client.GetFromJsonAsync<JsonElement>("/api/cards/rejestracja-pojazdu-sprowadzonego?lang=uk", Token);
        Assert.Equal("rejestracja-pojazdu-sprowadzonego", card.GetProperty("id").GetString());
        Assert.Equal("uk", card.GetProperty("language").GetString());
        Assert.Matches("[\u0400-\u04FF]", card.GetProperty("title").GetString()!);
        Assert.Empty(card.GetProperty("fallbackFields").EnumerateArray());
        Assert.Matches("[\u0400-\u04FF]", card.GetProperty("deadline").GetString()!);
        Assert.Contains("Kościuszki", card.GetProperty("where").GetProperty("address").GetString(), StringComparison.Ordinal);
        // 54 + 13.50 + 80 + 12.50 + 3 × 0.50: no windscreen sticker, no vehicle card since 4 September 2022.
        Assert.Equal(161.5m, card.GetProperty("feesTotal").GetDecimal());
        Assert.All(card.GetProperty("fees").EnumerateArray(), fee => Assert.False(string.IsNullOrEmpty(fee.GetProperty("basis").GetString())));
    }

    [Fact]
    public async Task Unknown_card_gives_a_404_problem()
    {
        using var response = await client.GetAsync("/api/cards/no-such-card", Token);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Unknown_card_language_gives_a_400_problem()
    {
        using var response = await client.GetAsync("/api/cards/meldunek?lang=xx", Token);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "lang");
    }

    [Fact]
    public async Task Health_reports_ready_with_the_index_generation_and_card_count()
    {
        var health = await client.GetFromJsonAsync<JsonElement>("/health", Token);
        Assert.Equal("ready", health.GetProperty("status").GetString());
        Assert.StartsWith("gen-", health.GetProperty("indexGeneration").GetString(), StringComparison.Ordinal);
        Assert.True(health.GetProperty("cards").GetInt32() >= 67);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_search_api()
    {
        var document = await client.GetStringAsync("/openapi/v1.json", Token);
        Assert.Contains("/api/search", document, StringComparison.Ordinal);
        Assert.Contains("/api/cards/{id}", document, StringComparison.Ordinal);
    }
}

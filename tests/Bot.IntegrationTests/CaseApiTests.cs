using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Asystent.Bot.IntegrationTests.ProblemAssert;

namespace Asystent.Bot.IntegrationTests;

/// <summary>Case status and case import over real HTTP with the real database. Each test uses its own case numbers.</summary>
public sealed class CaseApiTests(AssistantFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> ImportAsync(string body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases/import") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Api-Key", AssistantFactory.CasesImportKey);
        using var response = await client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    private Task<HttpResponseMessage> StatusAsync(string caseNumber, string code, string language = "pl") =>
        client.PostAsJsonAsync("/api/cases/status", new { caseNumber, code, language }, Token);

    [Fact]
    public async Task A_json_import_then_a_status_check_in_english()
    {
        var imported = await ImportAsync("""
            [
              { "caseNumber": "KT.5410.201.2026", "unit": "KT", "service": "prawo-jazdy-wydanie", "status": "ready_for_pickup",
                "statusDate": "2026-11-20T12:00:00+01:00", "filedDate": "2026-11-02", "code": "4HX9PQ" },
              { "caseNumber": "KT.5410.202.2026", "unit": "KT", "service": "nope", "status": "received",
                "statusDate": "2026-11-20", "filedDate": "2026-11-02", "code": "4HX9PQ" }
            ]
            """, "application/json");
        Assert.Equal(1, imported.GetProperty("created").GetInt32());
        var rejected = imported.GetProperty("rejected")[0];
        Assert.Equal(4, rejected.GetProperty("line").GetInt32());
        Assert.StartsWith("service:", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);

        using var response = await StatusAsync("KT.5410.201.2026", "4hx9pq", "en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("ready_for_pickup", status.GetProperty("status").GetString());
        Assert.Equal("Ready for pickup!", status.GetProperty("statusText").GetString());
        Assert.True(status.GetProperty("readyForPickup").GetBoolean());
        Assert.Contains("Transport and Vehicles Department", status.GetProperty("pickup").GetProperty("place").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-12-02", status.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task An_unknown_case_and_a_wrong_code_get_the_same_answer()
    {
        await ImportAsync("caseNumber,unit,service,status,statusDate,filedDate,code\nKT.5410.211.2026,KT,prawo-jazdy-wydanie,received,2026-11-20,2026-11-20,5JW3RT\n", "text/csv");

        using var wrongCode = await StatusAsync("KT.5410.211.2026", "5JW3RU");
        using var unknown = await StatusAsync("KT.5410.212.2026", "5JW3RT");

        await AssertProblemAsync(wrongCode, HttpStatusCode.NotFound);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        var a = JsonDocument.Parse(await wrongCode.Content.ReadAsStringAsync(Token)).RootElement;
        var b = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Token)).RootElement;
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Guessing_codes_for_one_case_is_stopped_with_429_and_retry_after_even_for_the_right_code()
    {
        await ImportAsync("caseNumber,unit,service,status,statusDate,filedDate,code\nKT.5410.221.2026,KT,prawo-jazdy-wydanie,received,2026-11-20,2026-11-20,6KW3RT\n", "text/csv");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await StatusAsync("KT.5410.221.2026", $"00000{i}A");
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        using var blocked = await StatusAsync("KT.5410.221.2026", "6KW3RT");
        await AssertProblemAsync(blocked, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(blocked.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
    }

    [Theory]
    [InlineData("{\"code\": \"6KW3RT\"}", "caseNumber")]
    [InlineData("{\"caseNumber\": \"KT.5410.221.2026\"}", "code")]
    [InlineData("{\"caseNumber\": \"KT.5410.221.2026\", \"code\": \"6KW3RT\", \"language\": \"de\"}", "lang")]
    [InlineData("{\"caseNumber\": ", null)]
    public async Task Bad_status_requests_get_400(string body, string? field)
    {
        using var response = await client.PostAsync("/api/cases/status", new StringContent(body, Encoding.UTF8, "application/json"), Token);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Imports_need_the_api_key_and_readable_content()
    {
        using var anonymous = await client.PostAsync("/api/cases/import", new StringContent("[]", Encoding.UTF8, "application/json"), Token);
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases/import") { Content = new StringContent("[{", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", AssistantFactory.CasesImportKey);
        using var broken = await client.SendAsync(request, Token);
        await AssertProblemAsync(broken, HttpStatusCode.BadRequest);
    }
}

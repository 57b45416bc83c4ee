using System.Net;
using System.Text.Json;
using Asystent.KnowledgeBase.ServiceCards.Editing;
using Asystent.KnowledgeBase.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// The card editor in the shared in-process Bot: who may use it, the check as staff type, previews,
/// drafts, and refusals. Nothing here publishes (that writes the cards folder): publishing is tested
/// on Bot processes with a copy of the folder (CardPublishTests).
/// </summary>
public sealed class CardEditorTests(AssistantFactory factory)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private StaffBrowser Browser() =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    private async Task<StaffBrowser> SignedInAsync(string user)
    {
        var browser = Browser();
        using var signedIn = await browser.SignInAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;

    [Fact]
    public async Task A_clerk_gets_403_while_an_editor_and_an_admin_get_the_list_and_an_editor_lands_there_after_sign_in()
    {
        using (var clerk = await SignedInAsync("anna"))
        {
            using var list = await clerk.Client.GetAsync("/admin/cards", Token);
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            using var edit = await clerk.Client.GetAsync("/admin/cards/karta-wedkarska", Token);
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }

        using (var editor = Browser())
        {
            using var signedIn = await editor.SignInAsync("redaktor");
            Assert.Equal("/admin/cards", signedIn.Headers.Location!.OriginalString);
            var page = await editor.Client.GetStringAsync("/admin/cards?q=wedkarska", Token);
            Assert.Contains("karta-wedkarska", page, StringComparison.Ordinal);
            Assert.DoesNotContain("dowod-osobisty", page, StringComparison.Ordinal);
            // The analytics stay for admins only.
            using var analytics = await editor.Client.GetAsync("/admin", Token);
            Assert.Equal(HttpStatusCode.Forbidden, analytics.StatusCode);
            // Nor residents' conversations and visits: those are the desk's.
            using var console = await editor.Client.GetAsync("/clerk", Token);
            Assert.Equal(HttpStatusCode.Forbidden, console.StatusCode);
            using var visits = await editor.Client.GetAsync("/staff/appointments?unit=KT", Token);
            Assert.Equal(HttpStatusCode.Forbidden, visits.StatusCode);
        }

        using var admin = await SignedInAsync("kierownik");
        var all = await admin.Client.GetStringAsync("/admin/cards", Token);
        Assert.Contains("dowod-osobisty", all, StringComparison.Ordinal);
        Assert.Contains("przekierowanie", all, StringComparison.Ordinal);
        using var anonymous = Browser();
        using var refused = await anonymous.Client.GetAsync("/admin/cards", Token);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/staff/signin", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_runs_the_card_validator_on_the_edited_form_and_names_each_problems_field()
    {
        using var editor = await SignedInAsync("redaktor");
        var fields = StaffBrowser.FormFields(await editor.Client.GetStringAsync("/admin/cards/karta-wedkarska", Token));

        var (ok, okBody) = await editor.PostFormAsync("/admin/cards/karta-wedkarska/check", fields);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True(JsonDocument.Parse(okBody).RootElement.GetProperty("valid").GetBoolean(), okBody);

        fields["title.en"] = "";
        fields["fees[0].amount"] = "-5";
        fields["related"] += "\nnie-ma-takiej-karty";
        var (bad, badBody) = await editor.PostFormAsync("/admin/cards/karta-wedkarska/check", fields);
        var result = JsonDocument.Parse(badBody).RootElement;
        Assert.False(result.GetProperty("valid").GetBoolean());
        var problems = result.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Contains("title.en", problems);
        Assert.Contains(problems, f => f!.StartsWith("fees[0]", StringComparison.Ordinal));
        Assert.Contains(problems, f => f!.StartsWith("related[", StringComparison.Ordinal));
        Assert.All(result.GetProperty("problems").EnumerateArray(), p => Assert.Equal(JsonValueKind.Number, p.GetProperty("line").ValueKind));
    }

    [Fact]
    public async Task Fines_and_the_place_are_form_fields_that_round_trip_and_are_checked_on_their_own_fields()
    {
        using var editor = await SignedInAsync("redaktor");
        var page = await editor.Client.GetStringAsync("/admin/cards/rejestracja-pojazdu-uzywanego", Token);
        var fields = StaffBrowser.FormFields(page);
        Assert.Equal("500", fields["fines[0].amount"]);
        Assert.Equal("1000", fields["fines[1].amount"]);
        Assert.Contains("id=\"where.window\"", page, StringComparison.Ordinal);

        // The form as it was opened gives back the same fines (nothing lost by the form).
        var (same, sameBody) = await editor.PostFormAsync("/admin/cards/rejestracja-pojazdu-uzywanego/check", fields);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var yaml = JsonDocument.Parse(sameBody).RootElement.GetProperty("yaml").GetString()!;
        Assert.Contains("fines:\n  - amount: 500\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - amount: 1000\n", yaml, StringComparison.Ordinal);

        fields["fines[1].amount"] = "-1000";
        fields["where.room"] = "pokój na dole";
        fields["where.building"] = "Z9";
        var (bad, badBody) = await editor.PostFormAsync("/admin/cards/rejestracja-pojazdu-uzywanego/check", fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var problems = JsonDocument.Parse(badBody).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Contains(problems, f => f!.StartsWith("fines[1]", StringComparison.Ordinal));
        Assert.Contains("where.room", problems);
        Assert.Contains("where.building", problems);

        fields["where.floor"] = "parter";
        var (floor, floorBody) = await editor.PostFormAsync("/admin/cards/rejestracja-pojazdu-uzywanego/check", fields);
        Assert.Equal(HttpStatusCode.OK, floor.StatusCode);
        Assert.Equal("where.floor", JsonDocument.Parse(floorBody).RootElement.GetProperty("problems")[0].GetProperty("field").GetString());

        fields.Remove("where.floor");
        fields["where.room"] = "112";
        fields["where.building"] = "";
        fields["where.window"] = "4–8";
        fields["fines[1].amount"] = "1000";
        var (good, goodBody) = await editor.PostFormAsync("/admin/cards/rejestracja-pojazdu-uzywanego/check", fields);
        var placed = JsonDocument.Parse(goodBody).RootElement;
        Assert.True(placed.GetProperty("valid").GetBoolean(), goodBody);
        Assert.Contains("where:\n", placed.GetProperty("yaml").GetString(), StringComparison.Ordinal);
        Assert.Contains("room: \"112\"", placed.GetProperty("yaml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_of_raw_yaml_reports_a_syntax_error_with_its_line()
    {
        using var editor = await SignedInAsync("redaktor");
        var fields = StaffBrowser.FormFields(await editor.Client.GetStringAsync("/admin/cards/karta-wedkarska", Token));
        fields["mode"] = "yaml";
        fields["yaml"] = "id: karta-wedkarska\nkind: service\ntitle: [unclosed\n";
        var (response, body) = await editor.PostFormAsync("/admin/cards/karta-wedkarska/check", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problem = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("(yaml)", problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("line").GetInt32() >= 3);
    }

    [Fact]
    public async Task The_preview_shows_the_edited_fee_as_the_chat_answer_the_search_card_and_the_printed_page()
    {
        using var editor = await SignedInAsync("redaktor");
        var fields = StaffBrowser.FormFields(await editor.Client.GetStringAsync("/admin/cards/karta-wedkarska", Token));
        fields["fees[0].amount"] = "33";
        var (response, body) = await editor.PostFormAsync("/admin/cards/karta-wedkarska/preview?lang=pl", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = JsonDocument.Parse(body).RootElement;
        Assert.Contains("33 zł", preview.GetProperty("chat").GetString(), StringComparison.Ordinal);
        Assert.Contains("class=\"card-page\"", preview.GetProperty("card").GetString(), StringComparison.Ordinal);
        Assert.Contains("33 zł", preview.GetProperty("card").GetString(), StringComparison.Ordinal);
        Assert.Contains("186mm", preview.GetProperty("print").GetString(), StringComparison.Ordinal);
        Assert.Contains(".qr { float: right", preview.GetProperty("print").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_saved_in_the_database_with_the_edit_logged_and_the_published_card_unchanged()
    {
        using var editor = await SignedInAsync("redaktor");
        var fields = StaffBrowser.FormFields(await editor.Client.GetStringAsync("/admin/cards/apostille-legalizacja", Token));
        fields["summary.pl"] += " Szkic redaktora.";
        var (response, page) = await editor.PostFormAsync("/admin/cards/apostille-legalizacja/draft", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Szkic zapisany", page, StringComparison.Ordinal);
        Assert.Contains("Szkic redaktora.", page, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var draft = await db.CardDrafts.AsNoTracking().SingleAsync(d => d.CardId == "apostille-legalizacja", Token);
        Assert.Equal(("redaktor", CardDraftSources.Editor), (draft.Author, draft.Source));
        Assert.Contains("Szkic redaktora.", draft.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("Szkic redaktora.", scope.ServiceProvider.GetRequiredService<CardFolder>().ReadText("apostille-legalizacja"), StringComparison.Ordinal);
        Assert.True(await db.StaffActions.AnyAsync(a => a.Action == "card_draft_saved" && a.Subject == "card:apostille-legalizacja" && a.UserName == "redaktor", Token));

        // The list marks the draft, and the editor opens it rather than the file.
        Assert.Contains("szkic: redaktor", await editor.Client.GetStringAsync("/admin/cards?q=apostille", Token), StringComparison.Ordinal);
        Assert.Contains("Szkic redaktora.", await editor.Client.GetStringAsync("/admin/cards/apostille-legalizacja", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_draft_over_another_editors_newer_draft_is_refused_with_a_clear_message()
    {
        using var first = await SignedInAsync("redaktor");
        using var second = await SignedInAsync("kierownik");
        var firstFields = StaffBrowser.FormFields(await first.Client.GetStringAsync("/admin/cards/kopia-mapy-zasadniczej", Token));
        var secondFields = StaffBrowser.FormFields(await second.Client.GetStringAsync("/admin/cards/kopia-mapy-zasadniczej", Token));

        firstFields["summary.pl"] += " Pierwsza zmiana.";
        Assert.Equal(HttpStatusCode.OK, (await first.PostFormAsync("/admin/cards/kopia-mapy-zasadniczej/draft", firstFields)).Response.StatusCode);

        secondFields["summary.pl"] += " Druga zmiana.";
        var (refused, page) = await second.PostFormAsync("/admin/cards/kopia-mapy-zasadniczej/draft", secondFields);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Ktoś inny zapisał szkic tej karty", page, StringComparison.Ordinal);
        Assert.Contains("Druga zmiana.", page, StringComparison.Ordinal); // kept for the person to copy, not lost

        var (publish, publishPage) = await second.PostFormAsync("/admin/cards/kopia-mapy-zasadniczej/publish", secondFields);
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("zmienił szkic tej karty", publishPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_an_invalid_card_is_refused_with_its_problems_and_the_file_stays()
    {
        using var editor = await SignedInAsync("redaktor");
        var folder = factory.Services.GetRequiredService<CardFolder>();
        var before = folder.ReadText("karta-wedkarska");
        var fields = StaffBrowser.FormFields(await editor.Client.GetStringAsync("/admin/cards/karta-wedkarska", Token));
        fields["title.uk"] = "";
        var (response, page) = await editor.PostFormAsync("/admin/cards/karta-wedkarska/publish", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Karta nie została opublikowana", page, StringComparison.Ordinal);
        Assert.Contains("title.uk", page, StringComparison.Ordinal);
        Assert.Equal(before, folder.ReadText("karta-wedkarska"));
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        using var editor = await SignedInAsync("redaktor");
        var fields = StaffBrowser.FormFields(await editor.Client.GetStringAsync("/admin/cards/karta-wedkarska", Token));
        fields.Remove("__RequestVerificationToken");
        foreach (var action in new[] { "check", "draft", "publish", "preview" })
        {
            var (response, _) = await editor.PostFormAsync($"/admin/cards/karta-wedkarska/{action}", fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_name_that_is_not_a_card_id_gets_a_problem_and_a_new_card_opens_as_a_draft()
    {
        using var editor = await SignedInAsync("redaktor");
        var fields = StaffBrowser.FormFields(await editor.Client.GetStringAsync("/admin/cards/karta-wedkarska", Token));
        var (bad, body) = await editor.PostFormAsync("/admin/cards/Karta_Wedkarska/check", fields);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not a card id", body, StringComparison.Ordinal);

        using var started = await editor.Client.GetAsync("/admin/cards/new?id=nowa-karta-testowa", Token);
        Assert.Equal("/admin/cards/nowa-karta-testowa", started.Headers.Location!.OriginalString);
        var page = await editor.Client.GetStringAsync("/admin/cards/nowa-karta-testowa", Token);
        Assert.Contains("Nowa karta", page, StringComparison.Ordinal);
        var newFields = StaffBrowser.FormFields(page);
        Assert.Equal("", newFields["baseHash"]);
        newFields["title.pl"] = "Karta testowa";
        var (saved, _) = await editor.PostFormAsync("/admin/cards/nowa-karta-testowa/draft", newFields);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("nowa-karta-testowa", await editor.Client.GetStringAsync("/admin/cards?q=testowa", Token), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// The gap loop as operators run it, on a Bot process with its SQLite database and Lucene index: a
/// resident's question finds no card; it appears, masked, at /admin/gaps; an editor assigns it to the
/// right card (bad input and a second decision are refused with problem+json, a clerk gets 403) and
/// publishes the card in the editor; the next index generation answers the same question over
/// Direct Line with that card, and the question is a line of the office's evaluation set.
/// </summary>
public sealed partial class GapLoopTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string Secret = "gap-loop-directline-secret-0123456789";

    // A fishing question in words no card holds ("łapać", "szczupaki", "spinning"); masking has its own tests (GapActionsTests).
    private const string Question = "Czy mogę łapać szczupaki spinningiem nad zalewem?";
    private const string Masked = "czy mogę łapać szczupaki spinningiem nad zalewem";

    [Fact]
    public async Task A_question_assigned_to_a_card_at_admin_gaps_is_answered_with_that_card_by_the_next_index_generation()
    {
        var data = await BotProcessHarness.PreparedDataAsync(Token);
        var cards = CopyCards(Path.Combine(data, "cards"));
        var environment = new Dictionary<string, string>(AssistantFactory.StaffSettings())
        {
            ["KnowledgeBase__CardsPath"] = cards,
            ["KnowledgeBase__OfficeEvaluationPath"] = Path.Combine(data, "evaluation"),
            ["KnowledgeBase__IndexPollSeconds"] = "1",
        };
        try
        {
            await using var bot = await BotProcessHarness.StartAsync(data, Secret, Token, environment);
            var before = await AskAsync(bot.Url, Question);
            Assert.DoesNotContain("Karta wędkarska", before, StringComparison.Ordinal);

            using var clerk = StaffBrowser.For(bot.Url);
            await clerk.SignInAsync("anna");
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Client.GetAsync("/admin/gaps", Token)).StatusCode);

            using var editor = StaffBrowser.For(bot.Url);
            Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync("redaktor")).StatusCode);
            var page = await ListedAsync(editor, Masked, data, before);
            var key = GroupOf(page, Masked);
            var token = StaffBrowser.AntiforgeryToken(page);

            // Bad input: no anti-forgery token, an unknown card, an unknown group.
            var (forged, _) = await editor.PostFormAsync($"/admin/gaps/{key}/assign", new() { ["card"] = "karta-wedkarska", ["days"] = "30" });
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            var (unknownCard, _) = await editor.PostFormAsync($"/admin/gaps/{key}/assign", Form(token, ("card", "karta-do-nurkowania")));
            await ProblemAssert.AssertProblemAsync(unknownCard, HttpStatusCode.UnprocessableEntity);
            var (unknownGap, _) = await editor.PostFormAsync("/admin/gaps/0123456789abcdef/assign", Form(token, ("card", "karta-wedkarska")));
            await ProblemAssert.AssertProblemAsync(unknownGap, HttpStatusCode.NotFound);

            var (assigned, _) = await editor.PostFormAsync($"/admin/gaps/{key}/assign", Form(token, ("card", "karta-wedkarska")));
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
            Assert.DoesNotContain(Masked, await editor.Client.GetStringAsync(assigned.Headers.Location, Token), StringComparison.Ordinal);
            var (again, _) = await editor.PostFormAsync($"/admin/gaps/{key}/assign", Form(token, ("card", "karta-wedkarska")));
            await ProblemAssert.AssertProblemAsync(again, HttpStatusCode.Conflict);

            // The office's evaluation set, in the data folder, holds the masked question and its card.
            var office = await File.ReadAllTextAsync(Path.Combine(data, "evaluation", "office.tsv"), Token);
            Assert.Contains($"pl,office\tkarta-wedkarska\t{Masked}\n", office, StringComparison.Ordinal);

            // The card's draft has the question among its keywords; the editor publishes it.
            var opened = StaffBrowser.FormFields(await editor.Client.GetStringAsync("/admin/cards/karta-wedkarska", Token));
            Assert.Contains(Masked, opened["keywords.pl"], StringComparison.Ordinal);
            var (published, publishedPage) = await editor.PostFormAsync("/admin/cards/karta-wedkarska/publish", opened);
            Assert.True(published.StatusCode == HttpStatusCode.OK, publishedPage);
            Assert.Contains("Opublikowano", publishedPage, StringComparison.Ordinal);

            Assert.Contains("Karta wędkarska", await AskUntilAsync(bot.Url, Question, "Karta wędkarska"), StringComparison.Ordinal);
            Assert.Equal(["card_published", "gap_assigned"], await LoggedActionsAsync(data));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static Dictionary<string, string> Form(string token, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["days"] = "30" };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return form;
    }

    /// <summary>The gap list once the analytics writer has stored the question (it writes in batches).</summary>
    private static async Task<string> ListedAsync(StaffBrowser editor, string question, string data, string answer)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var page = "";
        while (DateTime.UtcNow < deadline)
        {
            page = await editor.Client.GetStringAsync("/admin/gaps", Token);
            if (page.Contains(WebUtility.HtmlEncode(question), StringComparison.Ordinal) || page.Contains(question, StringComparison.Ordinal))
            {
                return page;
            }

            await Task.Delay(500, Token);
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "assistant.db")}");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Kind || ' ' || COALESCE(Outcome, '') || ' ' || COALESCE(CardId, '') || ' ' || COALESCE(Text, '') FROM analytics_events";
        var events = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            events.Add(reader.GetString(0));
        }

        Assert.Fail($"The question never appeared at /admin/gaps. The assistant answered: {answer}\nEvents: {string.Join("\n", events)}");
        return page;
    }

    private static string GroupOf(string page, string question)
    {
        foreach (Match section in Section().Matches(page))
        {
            if (WebUtility.HtmlDecode(section.Groups["body"].Value).Contains(question, StringComparison.Ordinal))
            {
                return section.Groups["key"].Value;
            }
        }

        Assert.Fail("No group holds the question: " + page);
        return "";
    }

    private static string CopyCards(string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(KnowledgeBase.AssistantRoot.Locate(), "content", "cards")))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    private static async Task<string> AskUntilAsync(string url, string question, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var answer = "";
        while (DateTime.UtcNow < deadline)
        {
            answer = await AskAsync(url, question);
            if (answer.Contains(expected, StringComparison.Ordinal))
            {
                return answer;
            }

            await Task.Delay(500, Token);
        }

        return answer;
    }

    /// <summary>A new Direct Line conversation: the assistant's reply to one question.</summary>
    private static async Task<string> AskAsync(string url, string question)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale = "pl-PL" }, Token);
        var conversation = (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString()!;
        using var chat = new DirectLineChat(client, conversation);
        return DirectLineChat.Text(await chat.SayAsync(question));
    }

    private static async Task<List<string>> LoggedActionsAsync(string data)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "assistant.db")}");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT Action FROM staff_actions WHERE UserName = 'redaktor' AND Action IN ('gap_assigned', 'card_published') ORDER BY Action";
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    [GeneratedRegex("<section class=\"gap\" aria-labelledby=\"gap-(?<key>[0-9a-f]+)\"[^>]*>(?<body>[\\s\\S]*?)</section>")]
    private static partial Regex Section();
}

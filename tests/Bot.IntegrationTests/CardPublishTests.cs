using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// Publishing from the card editor as operators run it: two Bot processes over one database, index
/// folder and (copied) cards folder. An editor publishes on one; the other, never restarted, answers
/// the chat with the new fee once its index poll sees the new generation. Then a stale page is
/// refused, and the history restores the old fee the same way.
/// </summary>
public sealed partial class CardPublishTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string Secret = "card-publish-directline-secret-0123456789";

    [Fact]
    public async Task A_published_fee_is_answered_by_another_running_bot_without_a_restart_and_the_history_restores_the_old_one()
    {
        var data = await BotProcessHarness.PreparedDataAsync(Token);
        var cards = CopyCards(Path.Combine(data, "cards"));
        var environment = new Dictionary<string, string>(AssistantFactory.StaffSettings())
        {
            ["KnowledgeBase__CardsPath"] = cards,
            ["KnowledgeBase__IndexPollSeconds"] = "1",
        };
        try
        {
            await using var editing = await BotProcessHarness.StartAsync(data, Secret, Token, environment);
            await using var serving = await BotProcessHarness.StartAsync(data, Secret, Token, environment);
            Assert.Contains("10 zł", await AskFeeAsync(serving.Url), StringComparison.Ordinal);

            using var editor = StaffBrowser.For(editing.Url);
            Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync("redaktor")).StatusCode);
            var opened = StaffBrowser.FormFields(await editor.Client.GetStringAsync("/admin/cards/karta-wedkarska", Token));
            var changed = new Dictionary<string, string>(opened) { ["fees[0].amount"] = "25" };
            var (published, page) = await editor.PostFormAsync("/admin/cards/karta-wedkarska/publish", changed);
            Assert.True(published.StatusCode == HttpStatusCode.OK, page);
            Assert.Contains("Opublikowano", page, StringComparison.Ordinal);
            var file = await File.ReadAllTextAsync(Path.Combine(cards, "karta-wedkarska.yaml"), Token);
            Assert.Contains("  - amount: 25\n", file, StringComparison.Ordinal);
            Assert.Contains("title:\n  pl: \"Karta wędkarska", file, StringComparison.Ordinal);

            // The other process was not restarted: its index poll brings the new generation in.
            Assert.Contains("25 zł", await AskUntilAsync(serving.Url, "25 zł"), StringComparison.Ordinal);

            // A second editor's page, opened before the publication, is refused, and the file keeps the new fee.
            var stale = new Dictionary<string, string>(opened) { ["fees[0].amount"] = "99" };
            var (refused, refusedPage) = await editor.PostFormAsync("/admin/cards/karta-wedkarska/publish", stale);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("Ktoś inny opublikował tę kartę", refusedPage, StringComparison.Ordinal);
            Assert.Contains("amount: 25", await File.ReadAllTextAsync(Path.Combine(cards, "karta-wedkarska.yaml"), Token), StringComparison.Ordinal);

            // The history names who and shows the change; restoring the version before it brings 10 zł back.
            var history = await editor.Client.GetStringAsync("/admin/cards/karta-wedkarska/history", Token);
            Assert.Contains("redaktor: publikacja", history, StringComparison.Ordinal);
            Assert.Contains("<del>-   - amount: 10</del>", history, StringComparison.Ordinal);
            Assert.Contains("<ins>+   - amount: 25</ins>", history, StringComparison.Ordinal);
            var restore = RestoreForm().Match(history);
            Assert.True(restore.Success, history);
            var (restored, restoredPage) = await editor.PostFormAsync(restore.Groups["action"].Value, new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = StaffBrowser.AntiforgeryToken(history),
                ["baseHash"] = restore.Groups["hash"].Value,
                ["version"] = "before",
            });
            Assert.True(restored.StatusCode == HttpStatusCode.OK, restoredPage);
            Assert.Contains("przywrócenie starszej wersji", restoredPage, StringComparison.Ordinal);
            Assert.Contains("10 zł", await AskUntilAsync(serving.Url, "10 zł"), StringComparison.Ordinal);

            Assert.Equal(["card_publish_refused", "card_published", "card_restored"], await LoggedActionsAsync(data));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
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

    private static async Task<string> AskUntilAsync(string url, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var answer = "";
        while (DateTime.UtcNow < deadline)
        {
            answer = await AskFeeAsync(url);
            if (answer.Contains(expected, StringComparison.Ordinal))
            {
                return answer;
            }

            await Task.Delay(500, Token);
        }

        return answer;
    }

    /// <summary>A new Direct Line conversation about the fishing card: the assistant's reply to "how much is it?".</summary>
    private static async Task<string> AskFeeAsync(string url)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale = "pl-PL" }, Token);
        var conversation = (await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString()!;
        using var chat = new DirectLineChat(client, conversation);
        Assert.Contains("Karta wędkarska", DirectLineChat.Text(await chat.SayAsync("karta wędkarska")), StringComparison.Ordinal);
        return DirectLineChat.Text(await chat.SayAsync("ile to kosztuje?"));
    }

    private static async Task<List<string>> LoggedActionsAsync(string data)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "assistant.db")}");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT Action FROM staff_actions WHERE Subject = 'card:karta-wedkarska' AND UserName = 'redaktor' ORDER BY Action";
        var actions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>/admin/cards/karta-wedkarska/restore/\\d+)\" class=\"inline\">\\s*<input[^>]*>\\s*<input type=\"hidden\" name=\"baseHash\" value=\"(?<hash>[0-9a-f]+)\"><input type=\"hidden\" name=\"version\" value=\"before\">")]
    private static partial Regex RestoreForm();
}

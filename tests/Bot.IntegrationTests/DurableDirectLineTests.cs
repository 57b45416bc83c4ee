using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// Nothing a Direct Line client was given is lost when the Bot process is killed outright (kill -9)
/// in the middle of a busy moment: every acknowledged post, every activity a client saw, their ids and
/// watermarks are there after the restart, and reading on from a watermark continues where it was.
/// </summary>
public class DurableDirectLineTests : IDisposable
{
    private const string Secret = "durable-test-directline-secret-0123456789";
    private const int Clients = 16;
    private const int PageSize = 7;

    private string? data;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Where the Bot keeps its data: the SQLite file of the prepared folder, unless a subclass says otherwise.</summary>
    protected virtual Task<Dictionary<string, string>> DatabaseSettingsAsync() => Task.FromResult(new Dictionary<string, string>());

    [Fact]
    public async Task Killing_the_bot_under_load_loses_no_acknowledged_or_seen_activity()
    {
        data = await BotProcessHarness.PreparedDataAsync(Token);
        // Posting as fast as it can (no post limits in the way); few activities in memory and small
        // pages, so that the reads after the restart come from the database, page by page.
        var settings = new Dictionary<string, string>
        {
            ["DirectLine__ConversationPostsPerMinute"] = "10000000",
            ["DirectLine__ConversationPostBurst"] = "1000000",
            ["DirectLine__MaxActivitiesInMemory"] = "10",
            ["DirectLine__MaxActivitiesPerRead"] = PageSize.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in await DatabaseSettingsAsync())
        {
            settings[name] = value;
        }
        var conversations = new List<ClientView>();
        await using (var bot = await BotProcessHarness.StartAsync(data, Secret, Token, settings))
        {
            using var http = Client(bot.Url);
            for (var i = 0; i < Clients; i++)
            {
                using var started = await http.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = $"resident-{i}" }, locale = "pl-PL" }, Token);
                conversations.Add(new ClientView((await started.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversationId").GetString()!));
            }

            using var stop = new CancellationTokenSource();
            var load = conversations.Select(c => ChatUntilStoppedAsync(http, c, stop.Token)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(5), Token);
            await bot.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        var acknowledged = conversations.Sum(c => c.Acknowledged.Count);
        Assert.True(acknowledged >= Clients * 3, $"the load was too light to prove anything: {acknowledged} acknowledged posts");

        await using (var bot = await BotProcessHarness.StartAsync(data, Secret, Token, settings))
        {
            using var http = Client(bot.Url);
            foreach (var conversation in conversations)
            {
                var stored = await ReadAllAsync(http, conversation.Id);
                var storedIds = stored.Select(a => a.GetProperty("id").GetString()!).ToList();

                // Every acknowledged post and every activity the client saw is there, as it was seen.
                Assert.All(conversation.Acknowledged, id => Assert.Contains(id, storedIds));
                foreach (var (id, text) in conversation.Seen)
                {
                    var activity = Assert.Single(stored, a => a.GetProperty("id").GetString() == id);
                    Assert.Equal(text, Text(activity));
                }

                // Positions never go back: ids are the positions, in order, without gaps.
                Assert.Equal(Enumerable.Range(0, stored.Count), storedIds.Select(Position));
                Assert.True(stored.Count >= conversation.Watermark, $"{conversation.Id}: {stored.Count} stored, the client was at {conversation.Watermark}");

                // Reading on from the client's watermark gives what came after it.
                var after = await GetAsync(http, conversation.Id, conversation.Watermark, Token);
                Assert.Equal(storedIds.Skip(conversation.Watermark).Take(PageSize), after.Activities.Select(a => a.GetProperty("id").GetString()));

                // A new post takes the next position: no id the client saw is given again.
                using var posted = await http.PostAsJsonAsync($"/v3/directline/conversations/{conversation.Id}/activities", new { type = "message", text = "dziękuję" }, Token);
                var newId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
                Assert.Equal(stored.Count, Position(newId));
            }
        }
    }

    // One client: posts, and reads on from its watermark after each answer, until the process dies.
    private static async Task ChatUntilStoppedAsync(HttpClient http, ClientView view, CancellationToken stop)
    {
        var questions = new[] { "ile kosztuje paszport", "gdzie zarejestrować samochód", "karta wędkarska", "godziny otwarcia" };
        try
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                using var posted = await http.PostAsJsonAsync($"/v3/directline/conversations/{view.Id}/activities", new { type = "message", text = $"{questions[n % questions.Length]} ({n})" }, stop);
                if (posted.StatusCode == HttpStatusCode.OK)
                {
                    view.Acknowledged.Add((await posted.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetString()!);
                }

                var set = await GetAsync(http, view.Id, view.Watermark, stop);
                foreach (var activity in set.Activities)
                {
                    view.Seen[activity.GetProperty("id").GetString()!] = Text(activity);
                }

                view.Watermark = set.Watermark;
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            // The process was killed mid-request: that post was never acknowledged.
        }
    }

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient http, string conversationId)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var set = await GetAsync(http, conversationId, all.Count, Token);
            Assert.True(set.Activities.Count <= PageSize, $"a read returned {set.Activities.Count} activities, more than the page size");
            if (set.Activities.Count == 0)
            {
                return all;
            }

            all.AddRange(set.Activities);
            Assert.Equal(all.Count, set.Watermark);
        }
    }

    private static async Task<(List<JsonElement> Activities, int Watermark)> GetAsync(HttpClient http, string conversationId, int watermark, CancellationToken cancellationToken)
    {
        var set = await http.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", cancellationToken);
        return (set.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList(), int.Parse(set.GetProperty("watermark").GetString()!, CultureInfo.InvariantCulture));
    }

    private static string? Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() : null;

    private static int Position(string id) => int.Parse(id[(id.IndexOf('|', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);

    private static HttpClient Client(string url)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return client;
    }

    public void Dispose()
    {
        try
        {
            if (data is not null)
            {
                Directory.Delete(data, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    /// <summary>What one client knows of its conversation: the ids it was acknowledged, what it saw, and its watermark.</summary>
    private sealed class ClientView(string id)
    {
        public string Id { get; } = id;

        public ConcurrentBag<string> Acknowledged { get; } = [];

        public ConcurrentDictionary<string, string?> Seen { get; } = new(StringComparer.Ordinal);

        public int Watermark { get; set; }
    }
}

/// <summary>The same kill and restart with the conversations on PostgreSQL (a throwaway cluster, see tests/PostgreSql).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class DurableDirectLineOnPostgreSqlTests : DurableDirectLineTests
{
    protected override async Task<Dictionary<string, string>> DatabaseSettingsAsync() => new()
    {
        ["Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__Assistant"] = await Asystent.Tests.PostgreSql.PostgreSqlServer.NewDatabaseAsync(TestContext.Current.CancellationToken),
    };
}

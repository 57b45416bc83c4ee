using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// <c>Indexer backup</c> as operators run it: its own process, while a Bot process runs on the same
/// database; the copy opens as a database and holds the conversation the Bot stored.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private const string Secret = "backup-test-directline-secret-0123456789";
    private readonly string data = Directory.CreateTempSubdirectory("asystent-backup-").FullName;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_taken_while_the_Bot_runs_opens_as_a_database_with_the_conversation()
    {
        await using var bot = await BotProcessHarness.StartAsync(data, Secret, Token);
        using var client = Client(bot.Url, Secret);
        using var started = await client.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "resident" }, locale = "pl-PL" }, Token);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>(Token);
        var conversationId = body.GetProperty("conversationId").GetString()!;
        using var chat = Client(bot.Url, body.GetProperty("token").GetString()!);
        var reply = DirectLineChat.Text(await new DirectLineChat(chat, conversationId).SayAsync("karta wędkarska"));
        Assert.Contains("Karta wędkarska", reply, StringComparison.Ordinal);

        // The transcript is written behind the reply; wait until the live database has it.
        await using (var live = Open(Path.Combine(data, "assistant.db")))
        {
            await Fakes.Eventually.ValueAsync(async () => await live.ConversationActivities.CountAsync(a => a.ConversationId == conversationId, Token) >= 2 ? "" : null,
                "the Bot never stored the conversation", TimeSpan.FromSeconds(20));
        }

        var copy = Path.Combine(data, "backups", "assistant-copy.db");
        var (exit, output) = await RunIndexerAsync("backup", "--to", copy);
        Assert.True(exit == 0, output);
        Assert.Contains("Backed up the database to", output, StringComparison.Ordinal);
        using (var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Token))
        {
            Assert.True(health.IsSuccessStatusCode, "the Bot stopped serving during the backup");
        }

        // The copy is one self-contained file (no write-ahead log beside it) and reads back through EF Core.
        Assert.False(File.Exists(copy + "-wal"));
        await using var restored = Open(copy);
        Assert.Empty(await restored.Database.GetPendingMigrationsAsync(Token));
        var conversation = await restored.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, Token);
        Assert.Contains("karta", conversation.StateJson ?? "", StringComparison.OrdinalIgnoreCase);
        var transcript = await restored.ConversationActivities.AsNoTracking().Where(a => a.ConversationId == conversationId).OrderBy(a => a.Sequence).Select(a => a.Json).ToListAsync(Token);
        var texts = transcript.Select(json => JsonDocument.Parse(json).RootElement.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "").ToList();
        Assert.Contains("karta wędkarska", texts);
        Assert.Contains(texts, text => text.Contains("Karta wędkarska", StringComparison.Ordinal));
    }

    private static AssistantDbContext Open(string file) =>
        new(new DbContextOptionsBuilder<AssistantDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);

    /// <summary>The Indexer's built program, run like an operator would, pointed at the Bot's database.</summary>
    private async Task<(int Exit, string Output)> RunIndexerAsync(params string[] args)
    {
        var root = KnowledgeBase.AssistantRoot.Locate();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var indexer = Path.Combine(root, "Indexer", "bin", configuration, "net10.0", "Asystent.Indexer.dll");
        Assert.True(File.Exists(indexer), $"build the Indexer first: {indexer}");
        var start = new ProcessStartInfo("dotnet", [indexer, .. args]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__Assistant"] = $"Data Source={Path.Combine(data, "assistant.db")}";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Token);
        var stderr = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static HttpClient Client(string url, string credential)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

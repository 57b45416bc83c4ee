using System.Text.Json;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Cases;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.Indexer.Tests;

/// <summary>
/// <c>Indexer privacy export|erase</c> on a real SQLite file (migrated): a resident (Jan) and another
/// one (Ewa) each have visits, callback requests, case watches, notifications and a conversation.
/// </summary>
public sealed class PrivacyCommandTests : IDisposable
{
    private const string JanPhone = "+48600100200";
    private const string JanEmail = "jan.kowalski@example.com";
    private const string EwaPhone = "+48600999888";
    private readonly string root = Directory.CreateTempSubdirectory("asystent-privacy-").FullName;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public PrivacyCommandTests()
    {
        File.WriteAllText(Path.Combine(root, "appsettings.json"), """{ "ConnectionStrings": { "Assistant": "Data Source=assistant.db" } }""");
    }

    [Theory]
    [InlineData("+48 600 100 200")]
    [InlineData("600100200")]
    [InlineData("600-100-200")]
    public async Task Export_by_phone_finds_everything_of_the_person_however_the_number_is_written(string typed)
    {
        await SeedAsync();
        var file = Path.Combine(root, "export.json");
        var (exit, output) = await RunAsync("privacy", "export", "--phone", typed, "--out", file);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("visits 1, callback requests 2, case watches 1, notifications 1, conversations 1", output, StringComparison.Ordinal);

        var json = await File.ReadAllTextAsync(file, Token);
        using var document = JsonDocument.Parse(json);
        var export = document.RootElement;
        Assert.Equal("K7M4-PHON", export.GetProperty("visits")[0].GetProperty("code").GetString());
        Assert.Equal(2, export.GetProperty("callbackRequests").GetArrayLength());
        Assert.Equal("KT.5410.1.2026", export.GetProperty("caseWatches")[0].GetProperty("caseNumber").GetString());
        Assert.Equal("Wizyta jutro", export.GetProperty("notifications")[0].GetProperty("body").GetString());
        Assert.Equal("jan-phone", export.GetProperty("conversations")[0].GetProperty("id").GetString());
        Assert.DoesNotContain("600999888", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Ewa", json, StringComparison.Ordinal);

        await AssertAuditAsync("privacy_export", "phone …200");
    }

    [Theory]
    [InlineData("jan.kowalski@example.com")]
    [InlineData(" Jan.Kowalski@EXAMPLE.com ")]
    public async Task Export_by_email_finds_everything_of_the_person(string typed)
    {
        await SeedAsync();
        var (exit, output) = await RunAsync("privacy", "export", "--email", typed);
        Assert.Equal(ExitCodes.Success, exit);
        using var document = JsonDocument.Parse(output);
        var export = document.RootElement;
        Assert.Equal("K7M4-MAIL", export.GetProperty("visits")[0].GetProperty("code").GetString());
        Assert.Equal(1, export.GetProperty("visits").GetArrayLength());
        Assert.Equal(1, export.GetProperty("callbackRequests").GetArrayLength());
        Assert.Equal(1, export.GetProperty("caseWatches").GetArrayLength());
        Assert.Equal(JanEmail, export.GetProperty("notifications").EnumerateArray().Single().GetProperty("recipient").GetString());
        Assert.Equal("jan-mail", export.GetProperty("conversations").EnumerateArray().Single().GetProperty("id").GetString());

        await AssertAuditAsync("privacy_export", "e-mail j…@e…");
    }

    [Fact]
    public async Task Erase_by_phone_removes_the_persons_records_and_leaves_everyone_else_intact()
    {
        await SeedAsync();
        var (exit, output) = await RunAsync("privacy", "erase", "--phone", "600 100 200");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Erased for phone …200: visits 1, callback requests 2, case watches 1, notifications 1, conversations 1", output, StringComparison.Ordinal);

        await using var db = Open();
        Assert.False(await db.Appointments.AnyAsync(a => a.Phone == JanPhone, Token));
        Assert.False(await db.CallbackRequests.AnyAsync(c => c.Contact.Contains("600100200"), Token));
        Assert.False(await db.CaseWatches.AnyAsync(w => w.Phone == JanPhone, Token));
        Assert.False(await db.Outbox.AnyAsync(m => m.Recipient == JanPhone, Token));
        Assert.False(await db.Conversations.AnyAsync(c => c.Id == "jan-phone", Token));
        Assert.False(await db.ConversationActivities.AnyAsync(a => a.ConversationId == "jan-phone", Token));

        // Ewa's records, and Jan's under his e-mail (another request), stay as they were; so does the case.
        Assert.Equal(["K7M4-EWA1", "K7M4-MAIL"], await db.Appointments.OrderBy(a => a.Code).Select(a => a.Code).ToListAsync(Token));
        Assert.Equal(2, await db.CallbackRequests.CountAsync(Token));
        Assert.Equal(2, await db.CaseWatches.CountAsync(Token));
        Assert.Equal(2, await db.Outbox.CountAsync(Token));
        Assert.Equal(["ewa", "jan-mail"], await db.Conversations.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(Token));
        Assert.Equal(1, await db.ConversationActivities.CountAsync(a => a.ConversationId == "ewa", Token));
        Assert.Equal(1, await db.Cases.CountAsync(Token));

        await AssertAuditAsync("privacy_erase", "phone …200");

        // Asked again, there is nothing left to find.
        var (_, again) = await RunAsync("privacy", "export", "--phone", "600100200");
        using var empty = JsonDocument.Parse(again);
        Assert.Equal(0, empty.RootElement.GetProperty("visits").GetArrayLength());
        Assert.Equal(0, empty.RootElement.GetProperty("conversations").GetArrayLength());
    }

    [Fact]
    public async Task A_number_that_is_not_a_phone_is_refused_without_touching_the_data()
    {
        await SeedAsync();
        var (exit, output) = await RunAsync("privacy", "erase", "--phone", "12");
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("The phone number is not valid.", output, StringComparison.Ordinal);
        await using var db = Open();
        Assert.Equal(3, await db.Appointments.CountAsync(Token));
        Assert.False(await db.StaffActions.AnyAsync(Token));
    }

    /// <summary>One audit record of the action, by the operating-system user, naming the person only by a reference.</summary>
    private async Task AssertAuditAsync(string action, string reference)
    {
        await using var db = Open();
        var audit = await db.StaffActions.Where(a => a.Action == action).SingleAsync(Token);
        Assert.Equal($"cli:{Environment.UserName}", audit.UserName);
        Assert.Equal(reference, audit.Subject);
        var text = $"{audit.Subject} {audit.Detail}";
        foreach (var clear in new[] { "600100200", "600 100 200", "jan.kowalski", "example.com" })
        {
            Assert.DoesNotContain(clear, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await IndexerApp.RunAsync(args, output, root);
        return (exit, output.ToString());
    }

    private AssistantDbContext Open() =>
        new(new DbContextOptionsBuilder<AssistantDbContext>().UseSqlite($"Data Source={Path.Combine(root, "assistant.db")}").Options);

    private async Task SeedAsync()
    {
        await using var db = Open();
        await AssistantDatabase.MigrateAsync(db, Token);
        var now = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var day = new DateTime(2026, 12, 10, 8, 0, 0, DateTimeKind.Utc);
        AppointmentRecord Visit(string code, int hour, string name, string? phone, string? email) => new()
        {
            Code = code, QueueId = "KT-rejestracja", Unit = "KT", StartsAt = day.AddHours(hour), EndsAt = day.AddHours(hour).AddMinutes(15),
            Day = DateOnly.FromDateTime(day), Seat = 1, Name = name, Phone = phone, Email = email, Language = "pl", Status = AppointmentStatus.Booked,
            CalendarToken = $"token-{code}", CreatedAt = now, UpdatedAt = now,
            History = [new AppointmentEventRecord { At = now, Status = AppointmentStatus.Booked, By = "chat" }],
        };
        db.Appointments.AddRange(
            Visit("K7M4-PHON", 0, "Jan Kowalski", JanPhone, null),
            Visit("K7M4-MAIL", 1, "Jan Kowalski", null, "Jan.Kowalski@Example.com"),
            Visit("K7M4-EWA1", 2, "Ewa Nowak", EwaPhone, "ewa@example.org"));

        CallbackRequestRecord Callback(string contact) => new()
        {
            Unit = "KT", Contact = contact, PreferredTime = "rano", Topic = "rejestracja", Language = "pl", Channel = "webchat", CreatedAt = now,
        };
        // An SMS gateway's record writes the number without "+".
        db.CallbackRequests.AddRange(Callback(JanPhone), Callback("48600100200"), Callback(JanEmail), Callback(EwaPhone));

        var @case = new CaseRecord
        {
            Number = "KT.5410.1.2026", Unit = "KT", Service = "rejestracja-pojazdu-uzywanego", Status = CaseStatus.InProgress, StatusDate = now,
            FiledDate = new DateOnly(2026, 11, 20), Deadline = new DateOnly(2026, 12, 20), CodeHash = "hash", CodeSalt = "salt", UpdatedAt = now,
        };
        db.Cases.Add(@case);
        await db.SaveChangesAsync(Token);
        CaseWatchRecord Watch(string? phone, string? email) => new()
        {
            CaseId = @case.Id, Phone = phone, Email = email, Language = "pl", ConsentAt = now, ConsentVia = "chat",
        };
        db.CaseWatches.AddRange(Watch(JanPhone, null), Watch(null, JanEmail), Watch(EwaPhone, null));

        OutboxMessageRecord Notice(string key, string channel, string recipient, string body) => new()
        {
            DedupKey = key, Channel = channel, Recipient = recipient, Body = body, NotBefore = day, Status = OutboxStatus.Pending, NextAttemptAt = day, CreatedAt = now,
        };
        db.Outbox.AddRange(
            Notice("jan-sms", OutboxChannels.Sms, JanPhone, "Wizyta jutro"),
            Notice("jan-mail", OutboxChannels.Email, JanEmail, "Potwierdzenie"),
            Notice("ewa-sms", OutboxChannels.Sms, EwaPhone, "Ewa, wizyta jutro"));

        ConversationRecord Conversation(string id, string? state) => new() { Id = id, Channel = "webchat", StateJson = state, CreatedAt = now, UpdatedAt = now };
        db.Conversations.AddRange(
            Conversation("jan-phone", $$$"""{"booking":{"phone":"{{{JanPhone}}}"}}"""),
            Conversation("jan-mail", $$$"""{"callback":{"contact":"{{{JanEmail}}}"}}"""),
            Conversation("ewa", $$$"""{"booking":{"phone":"{{{EwaPhone}}}","name":"Ewa Nowak"}}"""));
        db.ConversationActivities.AddRange(
            new ConversationActivityRecord { ConversationId = "jan-phone", Sequence = 1, Type = "message", Timestamp = now, Json = """{"text":"mój telefon [telefon]"}""" },
            new ConversationActivityRecord { ConversationId = "ewa", Sequence = 1, Type = "message", Timestamp = now, Json = """{"text":"dzień dobry"}""" });
        await db.SaveChangesAsync(Token);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

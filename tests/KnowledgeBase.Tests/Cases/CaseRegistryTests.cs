using System.Text;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Cases;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Asystent.KnowledgeBase.Tests.Cases;

/// <summary>Imports and status checks against a real SQLite file with the real migrations and the real cards.</summary>
public class CaseRegistryTests(KnowledgeBaseFixture fixture) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TemporaryFolder folder = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private CardSearchService search = null!;


    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Provider, folder.Path, Ct);
        var options = fixture.TemporaryOptions(folder.Path);
        new CardIndexBuilder(fixture.Dictionaries).Build(options);
        search = new CardSearchService(options, NullLogger<CardSearchService>.Instance);
        search.Refresh();
        await using var db = NewContext();
        await AssistantDatabase.MigrateAsync(db, Ct);
    }

    public ValueTask DisposeAsync()
    {
        search.Dispose();
        TestDatabase.ReleaseConnections();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private TestDatabase database = null!;

    /// <summary>The engine these tests run on; <see cref="CaseRegistryTestsOnPostgreSql"/> runs them again on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private AssistantDbContext NewContext() => database.NewContext();

    private CaseRegistry Registry(AssistantDbContext db) => new(db, search, fixture.Options, clock, new OutboxSignal());

    private async Task<ImportResult> ImportCsvAsync(string rows)
    {
        var csv = "caseNumber,unit,service,status,statusDate,filedDate,code,phone,missing,complex\n" + rows;
        var (parsed, rejected) = CaseImportReader.Read(Encoding.UTF8.GetBytes(csv), csv: true);
        await using var db = NewContext();
        return await Registry(db).ImportAsync(parsed, rejected, "test", Ct);
    }

    private static string Row(string status, string date) => $"KT.5410.101.2026,KT,prawo-jazdy-wydanie,{status},{date},2026-11-02,7KQ2MX,600 123 456,,\n";

    [Fact]
    public async Task An_import_is_idempotent_and_keeps_the_whole_history()
    {
        Assert.Equal(1, (await ImportCsvAsync(Row("received", "2026-11-02"))).Created);
        var again = await ImportCsvAsync(Row("received", "2026-11-02"));
        Assert.Equal((0, 0, 1), (again.Created, again.Updated, again.Unchanged));

        Assert.Equal(1, (await ImportCsvAsync(Row("in_progress", "2026-11-10T09:30:00+01:00"))).Updated);
        // A status reported late joins the history but does not turn the case back.
        await ImportCsvAsync(Row("received", "2026-11-03"));

        await using var db = NewContext();
        var stored = await db.Cases.Include(c => c.History).SingleAsync(Ct);
        Assert.Equal(CaseStatus.InProgress, stored.Status);
        Assert.Equal(["received", "in_progress", "received"], stored.History.OrderBy(h => h.Id).Select(h => h.Status));
        Assert.Equal(new DateOnly(2026, 12, 2), stored.Deadline);
        Assert.Equal("456", stored.PhoneLastDigits);
        Assert.DoesNotContain("7KQ2MX", stored.CodeHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_records_are_rejected_by_line_with_a_reason_and_the_good_ones_imported()
    {
        var result = await ImportCsvAsync(
            "KT.5410.102.2026,KT,prawo-jazdy-wydanie,received,2026-11-02,2026-11-02,7KQ2MX,,,\n"
            + "KT-5410-103,KT,prawo-jazdy-wydanie,received,2026-11-02,2026-11-02,7KQ2MX,,,\n"
            + "KT.5410.104.2026,BP,prawo-jazdy-wydanie,received,2026-11-02,2026-11-02,7KQ2MX,,,\n"
            + "KT.5410.105.2026,KT,no-such-card,received,2026-11-02,2026-11-02,7KQ2MX,,,\n"
            + "KT.5410.106.2026,KT,prawo-jazdy-wydanie,lost,2026-11-02,2026-11-02,7KQ2MX,,,\n"
            + "KT.5410.107.2026,KT,prawo-jazdy-wydanie,received,02.11.2026,2026-11-02,7KQ2MX,,,\n"
            + "KT.5410.108.2026,KT,prawo-jazdy-wydanie,received,2026-11-02,2026-11-02,,,,\n"
            + "KT.5410.109.2026,KT,prawo-jazdy-wydanie,received,2026-11-02,2026-11-02,ABC,,,\n"
            + "AB.6740.45.2026,AB,pozwolenie-na-budowe,received,2026-11-02,2026-11-02,9XY3ZQ,,,true\n");

        Assert.Equal(2, result.Created);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], result.Rejected.Select(r => r.Line));
        Assert.StartsWith("caseNumber:", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("unit:", result.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("service:", result.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.StartsWith("status:", result.Rejected[3].Reason, StringComparison.Ordinal);
        Assert.StartsWith("statusDate:", result.Rejected[4].Reason, StringComparison.Ordinal);
        Assert.StartsWith("code:", result.Rejected[5].Reason, StringComparison.Ordinal);
        Assert.StartsWith("code:", result.Rejected[6].Reason, StringComparison.Ordinal);

        await using var db = NewContext();
        Assert.Equal(new DateOnly(2027, 1, 2), (await db.Cases.SingleAsync(c => c.Number == "AB.6740.45.2026", Ct)).Deadline);
    }

    [Fact]
    public async Task Cases_missing_from_a_later_import_are_left_alone()
    {
        await ImportCsvAsync(Row("received", "2026-11-02"));
        await ImportCsvAsync("KT.5410.110.2026,KT,prawo-jazdy-wydanie,received,2026-11-02,2026-11-02,7KQ2MX,,,\n");
        await using var db = NewContext();
        Assert.Equal(2, await db.Cases.CountAsync(Ct));
    }

    [Fact]
    public async Task The_status_is_told_only_for_the_right_code_and_a_typed_code_may_differ_in_case_and_spacing()
    {
        await ImportCsvAsync(Row("waiting_for_documents", "2026-11-05"));
        await using var db = NewContext();
        var registry = Registry(db);

        Assert.Null(await registry.VerifyAsync("KT.5410.101.2026", "7KQ2MY", Ct));
        Assert.Null(await registry.VerifyAsync("KT.5410.999.2026", "7KQ2MX", Ct));
        var found = await registry.VerifyAsync("kt . 5410 . 101 . 2026", "7kq 2mx", Ct);
        Assert.NotNull(found);

        var view = registry.Describe(found!, Language.En);
        Assert.Equal("Your case is waiting for documents from you.", view.StatusText);
        Assert.Contains("the missing documents", view.NextStep, StringComparison.Ordinal);
        Assert.Equal("Statutory deadline for your case: 2 December 2026.", view.DeadlineText);
        Assert.False(view.ReadyForPickup);
    }

    [Fact]
    public async Task Ready_for_pickup_notifies_each_watcher_exactly_once_through_the_outbox()
    {
        await ImportCsvAsync(Row("in_progress", "2026-11-10"));
        await using (var db = NewContext())
        {
            var registry = Registry(db);
            var found = (await registry.VerifyAsync("KT.5410.101.2026", "7KQ2MX", Ct))!;
            Assert.True(await registry.WatchAsync(found, new ContactDetails("+48600123456", null), Language.Uk, "chat", Ct));
            Assert.True(await registry.WatchAsync(found, new ContactDetails("+48600123456", null), Language.Uk, "chat", Ct));
        }

        Assert.Equal(1, (await ImportCsvAsync(Row("ready_for_pickup", "2026-11-20"))).Notices);
        Assert.Equal(0, (await ImportCsvAsync(Row("ready_for_pickup", "2026-11-20"))).Notices);
        Assert.Equal(0, (await ImportCsvAsync(Row("ready_for_pickup", "2026-11-21"))).Notices);

        await using var check = NewContext();
        var notice = await check.Outbox.SingleAsync(Ct);
        Assert.Equal("+48600123456", notice.Recipient);
        Assert.Contains("KT.5410.101.2026 готова до отримання", notice.Body, StringComparison.Ordinal);
        var watch = await check.CaseWatches.SingleAsync(Ct);
        Assert.NotNull(watch.NotifiedAt);
        Assert.Equal("chat", watch.ConsentVia);

        var ready = (await Registry(check).VerifyAsync("KT.5410.101.2026", "7KQ2MX", Ct))!;
        Assert.False(await Registry(check).WatchAsync(ready, new ContactDetails("+48600999888", null), Language.Pl, "chat", Ct));
        var view = Registry(check).Describe(ready, Language.Pl);
        Assert.True(view.ReadyForPickup);
        Assert.Contains("Wydział Komunikacji i Transportu", view.Pickup!.Place, StringComparison.Ordinal);
    }
}

/// <summary>The same tests against PostgreSQL (a throwaway cluster, see tests/PostgreSql).</summary>
[Trait("Database", "PostgreSQL")]
public sealed class CaseRegistryTestsOnPostgreSql(KnowledgeBaseFixture fixture) : CaseRegistryTests(fixture)
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}

using Asystent.KnowledgeBase.ServiceCards.Editing;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Tests.ServiceCards.Editing;

/// <summary>Drafts in a real SQLite file with the real migrations, over a copy of the cards folder.</summary>
public sealed class CardDraftsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TemporaryFolder folder = new();
    private CardFolder cards = null!;

    private AssistantDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AssistantDbContext>().UseSqlite($"Data Source={Path.Combine(folder.Path, "assistant.db")}").Options);

    private CardDrafts Drafts(AssistantDbContext db) => new(db, cards, TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        var copy = Directory.CreateDirectory(Path.Combine(folder.Path, "cards")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AssistantRoot.Locate(), "content", "cards")))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        cards = new CardFolder(new KnowledgeBaseOptions { CardsPath = copy, IndexPath = Path.Combine(folder.Path, "index") });
        await using var db = NewContext();
        await AssistantDatabase.MigrateAsync(db, Ct);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_draft_is_saved_with_its_author_source_and_base_and_logged_while_the_file_stays_as_it_was()
    {
        var original = cards.ReadText("dowod-osobisty")!;
        await using var db = NewContext();
        var result = await Drafts(db).SaveAsync("dowod-osobisty", original + "# draft\n", "ewa", CardDraftSources.Editor, CardFolder.Hash(original), Ct);

        Assert.Equal(DraftOutcome.Saved, result.Outcome);
        await using var check = NewContext();
        var draft = await Drafts(check).FindAsync("dowod-osobisty", Ct);
        Assert.NotNull(draft);
        Assert.Equal(("ewa", "editor", CardFolder.Hash(original)), (draft.Author, draft.Source, draft.BaseHash));
        Assert.EndsWith("# draft\n", draft.Yaml, StringComparison.Ordinal);
        Assert.Equal(original, cards.ReadText("dowod-osobisty"));
        Assert.Contains(await check.StaffActions.ToListAsync(Ct), a => a.Action == "card_draft_saved" && a.Subject == "card:dowod-osobisty" && a.UserName == "ewa");
    }

    [Fact]
    public async Task A_draft_of_a_new_card_needs_no_file_and_an_import_can_create_one()
    {
        await using var db = NewContext();
        var result = await Drafts(db).SaveAsync("nowa-karta-z-importu", "id: nowa-karta-z-importu\n", "import", CardDraftSources.Import, "", Ct);

        Assert.Equal(DraftOutcome.Saved, result.Outcome);
        Assert.Null(cards.ReadText("nowa-karta-z-importu"));
        Assert.Equal("import", (await Drafts(db).FindAsync("nowa-karta-z-importu", Ct))!.Source);
    }

    [Fact]
    public async Task A_draft_over_a_file_changed_since_it_was_opened_is_refused_and_nothing_is_stored()
    {
        await using var db = NewContext();
        var result = await Drafts(db).SaveAsync("paszport-dla-doroslego", "id: paszport-dla-doroslego\n", "ewa", CardDraftSources.Editor, CardFolder.Hash("an older version"), Ct);

        Assert.Equal(DraftOutcome.Conflict, result.Outcome);
        Assert.Contains("published by someone else", result.Message, StringComparison.Ordinal);
        Assert.Null(await Drafts(db).FindAsync("paszport-dla-doroslego", Ct));
    }

    [Fact]
    public async Task A_draft_over_another_editors_newer_draft_is_refused()
    {
        var hash = cards.CurrentHash("meldunek");
        await using (var db = NewContext())
        {
            Assert.Equal(DraftOutcome.Saved, (await Drafts(db).SaveAsync("meldunek", "first", "ewa", CardDraftSources.Editor, hash, Ct, expectedDraftHash: "")).Outcome);
        }

        await using (var db = NewContext())
        {
            // Jan opened the card before Ewa saved, so he saw no draft.
            var second = await Drafts(db).SaveAsync("meldunek", "second", "jan", CardDraftSources.Editor, hash, Ct, expectedDraftHash: "");
            Assert.Equal(DraftOutcome.Conflict, second.Outcome);
            Assert.Contains("ewa", second.Message, StringComparison.Ordinal);
            Assert.Equal("first", (await Drafts(db).FindAsync("meldunek", Ct))!.Yaml);
        }
    }

    [Theory]
    [InlineData("../_office")]
    [InlineData("Dowod")]
    [InlineData("")]
    public async Task A_draft_under_a_name_that_is_not_a_card_id_is_rejected(string id)
    {
        await using var db = NewContext();
        Assert.Equal(DraftOutcome.Rejected, (await Drafts(db).SaveAsync(id, "id: x\n", "ewa", CardDraftSources.Editor, "", Ct)).Outcome);
    }
}

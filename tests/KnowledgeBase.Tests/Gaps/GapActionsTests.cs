using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Gaps;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards.Editing;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Asystent.KnowledgeBase.Tests.Gaps;

/// <summary>
/// The gap list and what staff do with it, in a real SQLite file with the real migrations, over a
/// copy of the cards folder (the search is not open: questions group by their exact text here; the
/// grouping by meaning has its own tests).
/// </summary>
public sealed class GapActionsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Day = new(2026, 11, 24);

    private readonly TemporaryFolder folder = new();
    private KnowledgeBaseOptions options = null!;
    private CardFolder cards = null!;
    private CardSearchService search = null!;

    private AssistantDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AssistantDbContext>().UseSqlite($"Data Source={Path.Combine(folder.Path, "assistant.db")}").Options);

    private GapList List(AssistantDbContext db) => new(db, search);

    private GapActions Actions(AssistantDbContext db) =>
        new(db, List(db), cards, new CardDrafts(db, cards, TimeProvider.System), new OfficeEvaluationFile(options), TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        var copy = Directory.CreateDirectory(Path.Combine(folder.Path, "cards")).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AssistantRoot.Locate(), "content", "cards")))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        options = new KnowledgeBaseOptions { CardsPath = copy, IndexPath = Path.Combine(folder.Path, "index"), OfficeEvaluationPath = Path.Combine(folder.Path, "evaluation") };
        cards = new CardFolder(options);
        search = new CardSearchService(options, NullLogger<CardSearchService>.Instance);
        await using var db = NewContext();
        await AssistantDatabase.MigrateAsync(db, Ct);
        void Add(string kind, string conversation, string? outcome = null, string? card = null, string? text = null, int? value = null, string language = "pl", int daysAgo = 0) =>
            db.AnalyticsEvents.Add(new AnalyticsEventRecord
            {
                Kind = kind, At = Day.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), Day = Day.AddDays(-daysAgo), Channel = "directline",
                Language = language, ConversationId = conversation, CardId = card, Outcome = outcome, Value = value, Text = text,
            });

        Add(AnalyticsKinds.Message, "a", MessageOutcomes.Gap, text: "gdzie kupić bilet miesięczny");
        Add(AnalyticsKinds.Message, "b", MessageOutcomes.Gap, text: "gdzie kupić bilet miesięczny");
        Add(AnalyticsKinds.Message, "c", MessageOutcomes.Unsure, "rejestracja-pojazdu-uzywanego", "rejestracja auta po babci");
        // Recorded before a masking rule existed: shown masked all the same.
        Add(AnalyticsKinds.Message, "d", MessageOutcomes.Gap, text: "proszę o kontakt jan.kowalski@example.com", language: "pl");
        // Rated 1: its answered question is listed; rated 5: not.
        Add(AnalyticsKinds.Message, "e", MessageOutcomes.Answered, "karta-wedkarska", "czy dziecko może łowić ryby");
        Add(AnalyticsKinds.Rating, "e", value: 1);
        Add(AnalyticsKinds.Message, "f", MessageOutcomes.Answered, "paszport-dla-dziecka", "paszport dla córki");
        Add(AnalyticsKinds.Rating, "f", value: 5);
        // Outside the period.
        Add(AnalyticsKinds.Message, "g", MessageOutcomes.Gap, text: "stare pytanie", daysAgo: 40);
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        search.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<IReadOnlyList<GapGroup>> ListAsync(AssistantDbContext db) => List(db).ListAsync(Day.AddDays(-29), Day, Ct);

    [Fact]
    public async Task The_list_holds_questions_without_a_card_unsure_answers_and_those_of_low_rated_conversations_masked_and_counted()
    {
        await using var db = NewContext();
        var groups = await ListAsync(db);

        Assert.Equal(4, groups.Count);
        Assert.Equal(("gdzie kupić bilet miesięczny", 2, GapReasons.NoCard), (groups[0].Questions[0].Text, groups[0].Count, groups[0].Reasons.Single()));
        Assert.Contains(groups, g => g.Reasons.SequenceEqual([GapReasons.Unsure]) && g.SuggestedCard == "rejestracja-pojazdu-uzywanego");
        Assert.Contains(groups, g => g.Reasons.SequenceEqual([GapReasons.LowRating]) && g.Questions[0].Text == "czy dziecko może łowić ryby" && g.SuggestedCard == "karta-wedkarska");
        Assert.Contains(groups, g => g.Questions[0].Text == "proszę o kontakt [e-mail]");
        Assert.DoesNotContain(groups, g => g.Questions.Any(q => q.Text.Contains("example.com", StringComparison.Ordinal) || q.Text == "paszport dla córki" || q.Text == "stare pytanie"));
    }

    [Fact]
    public async Task Assigning_a_card_adds_the_questions_to_its_draft_keywords_and_the_office_set_and_a_second_decision_is_stale()
    {
        await using var db = NewContext();
        var group = (await ListAsync(db)).Single(g => g.Questions[0].Text == "czy dziecko może łowić ryby");
        var before = cards.ReadText("karta-wedkarska");

        var result = await Actions(db).AssignAsync(group, "karta-wedkarska", "ewa", Ct);

        Assert.Equal(GapActionOutcome.Done, result.Outcome);
        var draft = await new CardDrafts(db, cards, TimeProvider.System).FindAsync("karta-wedkarska", Ct);
        Assert.NotNull(draft);
        Assert.Equal(CardDraftSources.Gap, draft.Source);
        Assert.Contains("czy dziecko może łowić ryby", CardFolder.Parse("karta-wedkarska", draft.Yaml)!.Keywords["pl"]);
        Assert.Equal(before, cards.ReadText("karta-wedkarska"));
        Assert.Contains("pl,office\tkarta-wedkarska\tczy dziecko może łowić ryby\n", await File.ReadAllTextAsync(Path.Combine(options.OfficeEvaluationPath, "office.tsv"), Ct), StringComparison.Ordinal);
        Assert.Single(KnowledgeBase.Evaluation.EvaluationSet.LoadNamed(KnowledgeBase.Evaluation.EvaluationSet.FolderOf(options, "office"), "office").Single().Queries);
        Assert.Contains(await db.StaffActions.ToListAsync(Ct), a => a.Action == "gap_assigned" && a.Subject == "gap:" + group.Key && a.UserName == "ewa");

        await using var later = NewContext();
        Assert.DoesNotContain(await ListAsync(later), g => g.Key == group.Key);
        var (found, refusal) = await Actions(later).FindAsync(group.Key, Day.AddDays(-29), Day, Ct);
        Assert.Null(found);
        Assert.Equal(GapActionOutcome.Stale, refusal!.Outcome);
        Assert.Contains("ewa", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_card_or_group_is_refused_and_nothing_is_decided()
    {
        await using var db = NewContext();
        var group = (await ListAsync(db))[0];

        Assert.Equal(GapActionOutcome.UnknownCard, (await Actions(db).AssignAsync(group, "karta-do-nurkowania", "ewa", Ct)).Outcome);
        Assert.Equal(GapActionOutcome.UnknownCard, (await Actions(db).AssignAsync(group, "../_office", "ewa", Ct)).Outcome);
        Assert.Equal(GapActionOutcome.UnknownGap, (await Actions(db).FindAsync("0123456789abcdef", Day.AddDays(-29), Day, Ct)).Refusal!.Outcome);
        Assert.Empty(await db.GapDecisions.ToListAsync(Ct));
        Assert.False(File.Exists(Path.Combine(options.OfficeEvaluationPath, "office.tsv")));
    }

    [Fact]
    public async Task Out_of_scope_takes_the_group_off_the_list_as_a_no_card_example_and_a_new_card_starts_a_gap_draft()
    {
        await using var db = NewContext();
        var groups = await ListAsync(db);
        var tickets = groups.Single(g => g.Questions[0].Text == "gdzie kupić bilet miesięczny");
        var email = groups.Single(g => g.Questions[0].Text == "proszę o kontakt [e-mail]");

        Assert.Equal(GapActionOutcome.Done, (await Actions(db).OutOfScopeAsync(tickets, asNoCardExample: true, "ewa", Ct)).Outcome);
        Assert.Equal(GapActionOutcome.CardExists, (await Actions(db).StartCardAsync(email, "karta-wedkarska", "ewa", Ct)).Outcome);
        Assert.Equal(GapActionOutcome.Rejected, (await Actions(db).StartCardAsync(email, "Nowa Karta", "ewa", Ct)).Outcome);
        var started = await Actions(db).StartCardAsync(email, "kontakt-z-urzedem", "ewa", Ct);

        Assert.Equal((GapActionOutcome.Done, "kontakt-z-urzedem"), (started.Outcome, started.CardId));
        var draft = await new CardDrafts(db, cards, TimeProvider.System).FindAsync("kontakt-z-urzedem", Ct);
        Assert.Equal(CardDraftSources.Gap, draft!.Source);
        Assert.Equal(["proszę o kontakt [e-mail]"], CardFolder.Parse("kontakt-z-urzedem", draft.Yaml)!.Keywords["pl"]);
        Assert.Contains("pl,office\t-\tgdzie kupić bilet miesięczny\n", await File.ReadAllTextAsync(Path.Combine(options.OfficeEvaluationPath, "office.tsv"), Ct), StringComparison.Ordinal);
        var remaining = await ListAsync(db);
        Assert.DoesNotContain(remaining, g => g.Key == tickets.Key || g.Key == email.Key);
        Assert.Equal(["gap_new_card", "gap_out_of_scope"], (await db.StaffActions.Where(a => a.Action.StartsWith("gap_")).Select(a => a.Action).ToListAsync(Ct)).Order().ToArray());
    }
}

namespace Asystent.Indexer.Tests;

/// <summary>Runs the Indexer's commands in-process against a temporary root with its own appsettings.json.</summary>
public sealed class IndexerCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("asystent-indexer-").FullName;
    private readonly string repository = KnowledgeBase.AssistantRoot.Locate();

    public IndexerCommandTests()
    {
        var cards = Path.Combine(root, "cards");
        Directory.CreateDirectory(cards);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, "content", "cards")))
        {
            File.Copy(file, Path.Combine(cards, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(root, "KnowledgeBase"));
        File.WriteAllText(Path.Combine(root, "appsettings.json"), $$"""
            {
              "KnowledgeBase": {
                "CardsPath": "cards",
                "VocabularyPath": {{Json(Path.Combine(repository, "content", "vocabulary"))}},
                "DictionariesPath": {{Json(Path.Combine(repository, "KnowledgeBase", "Dictionaries", "node_modules"))}},
                "MorphologyPath": {{Json(Path.Combine(repository, "KnowledgeBase", "Dictionaries", "morphology"))}},
                "EvaluationPath": {{Json(Path.Combine(repository, "content", "evaluation"))}},
                "IntentsPath": {{Json(Path.Combine(repository, "content", "intents"))}},
                "ModelPath": "model",
                "IndexPath": "index"
              },
              "ConnectionStrings": { "Assistant": "Data Source=assistant.db" }
            }
            """);
    }

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await IndexerApp.RunAsync(args, output, root);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Validate_passes_on_the_shipped_cards()
    {
        var (exit, output) = await RunAsync("validate");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("0 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_prints_file_line_and_field_and_fails_on_a_broken_card()
    {
        var card = Path.Combine(root, "cards", "karta-wedkarska.yaml");
        File.WriteAllText(card, File.ReadAllText(card).Replace("unit: OS", "unit: NOPE", StringComparison.Ordinal));
        var (exit, output) = await RunAsync("validate");
        Assert.Equal(ExitCodes.InvalidCards, exit);
        Assert.Matches(@"karta-wedkarska\.yaml:\d+: error: unit: unknown unit 'NOPE'", output);
    }

    [Fact]
    public async Task Staff_add_creates_the_first_admin_with_a_hashed_password_read_from_standard_input()
    {
        using var output = new StringWriter();
        Assert.Equal(ExitCodes.Success, await IndexerApp.RunAsync(["staff-add", "admin", "--role", "admin"], output, root, new StringReader("a-long-admin-password\n")));
        Assert.Contains("Created admin 'admin' (every unit)", output.ToString(), StringComparison.Ordinal);

        using var again = new StringWriter();
        Assert.Equal(ExitCodes.Success, await IndexerApp.RunAsync(["staff-add", "admin", "--role", "clerk", "--units", "kt,BP"], again, root, new StringReader("another-long-password\n")));
        Assert.Contains("Updated clerk 'admin' (kt, BP)", again.ToString(), StringComparison.Ordinal);

        using var tooShort = new StringWriter();
        Assert.Equal(ExitCodes.Failure, await IndexerApp.RunAsync(["staff-add", "ewa"], tooShort, root, new StringReader("short\n")));
        Assert.Contains("at least 12 characters", tooShort.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, await IndexerApp.RunAsync(["staff-add", "ewa", "--role"], new StringWriter(), root, new StringReader("")));

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(root, "assistant.db")}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PasswordHash || '|' || Role || '|' || Units FROM staff_accounts WHERE UserName = 'ADMIN'";
        var row = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        Assert.DoesNotContain("another-long-password", row, StringComparison.Ordinal);
        Assert.EndsWith("|clerk|KT,BP", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_add_accepts_the_card_editor_role_and_names_the_roles_when_refusing_another()
    {
        using var output = new StringWriter();
        Assert.Equal(ExitCodes.Success, await IndexerApp.RunAsync(["staff-add", "redaktor", "--role", "editor"], output, root, new StringReader("a-long-editor-password\n")));
        Assert.Contains("Created editor 'redaktor' (every unit)", output.ToString(), StringComparison.Ordinal);

        using var refused = new StringWriter();
        Assert.Equal(ExitCodes.Failure, await IndexerApp.RunAsync(["staff-add", "ewa", "--role", "writer"], refused, root, new StringReader("a-long-editor-password\n")));
        Assert.Contains("The role must be clerk, editor or admin.", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_cases_reports_rejected_lines_and_is_idempotent()
    {
        Assert.Equal(ExitCodes.Success, (await RunAsync("build")).Exit);
        var file = Path.Combine(root, "cases.csv");
        File.WriteAllText(file, "caseNumber;unit;service;status;statusDate;filedDate;code\n"
            + "KT.5410.1.2026;KT;prawo-jazdy-wydanie;received;2026-11-02;2026-11-02;7KQ2MX\n"
            + "KT.5410.2.2026;KT;prawo-jazdy-wydanie;lost;2026-11-02;2026-11-02;7KQ2MX\n");

        var (exit, output) = await RunAsync("import-cases", file);
        Assert.Equal(ExitCodes.InvalidCards, exit);
        Assert.Contains($"{file}:3: status:", output, StringComparison.Ordinal);
        Assert.Contains("1 created, 0 updated, 0 unchanged, 1 rejected", output, StringComparison.Ordinal);

        Assert.Contains("0 created, 0 updated, 1 unchanged, 1 rejected", (await RunAsync("import-cases", file)).Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, (await RunAsync("import-cases", Path.Combine(root, "missing.csv"))).Exit);
    }

    [Fact]
    public async Task Build_then_search_prints_the_best_cards()
    {
        var (buildExit, buildOutput) = await RunAsync("build");
        Assert.Equal(ExitCodes.Success, buildExit);
        Assert.Contains("cards, generation gen-", buildOutput, StringComparison.Ordinal);

        var (searchExit, searchOutput) = await RunAsync("search", "gdzie zarejestrowac auto z niemiec", "--top", "3");
        Assert.Equal(ExitCodes.Success, searchExit);
        var firstResult = searchOutput.Split('\n')[1];
        Assert.Contains("rejestracja-pojazdu-sprowadzonego", firstResult, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_with_a_broken_card_keeps_the_previous_index()
    {
        Assert.Equal(ExitCodes.Success, (await RunAsync("build")).Exit);
        var pointer = File.ReadAllText(Path.Combine(root, "index", "CURRENT"));
        File.WriteAllText(Path.Combine(root, "cards", "meldunek.yaml"), "id: meldunek\ntitle: [\n");

        var (exit, output) = await RunAsync("build");

        Assert.Equal(ExitCodes.InvalidCards, exit);
        Assert.Contains("index in service was not touched", output, StringComparison.Ordinal);
        Assert.Equal(pointer, File.ReadAllText(Path.Combine(root, "index", "CURRENT")));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("search")]
    [InlineData("search", "paszport", "--lang", "xx")]
    [InlineData("search", "paszport", "--top", "0")]
    public async Task Bad_command_lines_get_usage_help_and_exit_code_2(params string[] args) =>
        Assert.Equal(ExitCodes.Usage, (await RunAsync(args)).Exit);

    [Fact]
    public async Task Eval_prints_search_and_intent_figures()
    {
        var (exit, output) = await RunAsync("eval");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("| **all** |", output, StringComparison.Ordinal);
        Assert.Contains("baseline top-1", output, StringComparison.Ordinal);
        Assert.Contains("5-fold cross-validation", output, StringComparison.Ordinal);
        Assert.Contains("Held-out set", output, StringComparison.Ordinal);
        Assert.Contains("Confusion matrix (pl;", output, StringComparison.Ordinal);
        Assert.Contains("| macro-F1 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_saves_a_model_and_build_does_not_retrain_an_up_to_date_one()
    {
        var (exit, output) = await RunAsync("train");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.True(File.Exists(Path.Combine(root, "model", "intents.zip")));
        Assert.Contains("12 intents", output, StringComparison.Ordinal);

        var (buildExit, buildOutput) = await RunAsync("build");
        Assert.Equal(ExitCodes.Success, buildExit);
        Assert.Contains("Intent model is up to date", buildOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_waits_for_a_publication_from_the_editor_and_refuses_when_it_goes_on_touching_nothing()
    {
        var index = Path.Combine(root, "index");
        using (var publishing = KnowledgeBase.ServiceCards.Editing.IndexFolderLock.TryTake(index))
        {
            Assert.NotNull(publishing);
            var (exit, output) = await RunAsync("build", "--wait", "1");

            Assert.Equal(ExitCodes.Failure, exit);
            Assert.Contains("is being published from the editor", output, StringComparison.Ordinal);
            Assert.Contains("Build refused", output, StringComparison.Ordinal);
            Assert.Contains("editor.lock", output, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateDirectories(index));
        }

        Assert.Equal(ExitCodes.Usage, (await RunAsync("build", "--wait", "soon")).Exit);
    }

    [Fact]
    public async Task Eval_of_the_office_set_reads_office_tsv_from_the_data_folder()
    {
        var (missingExit, missing) = await RunAsync("eval", "--search", "--set", "office");
        Assert.Equal(ExitCodes.Success, missingExit);
        Assert.Contains($"office.tsv in {Path.Combine(root, "data", "evaluation")}", missing, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(root, "data", "evaluation"));
        await File.WriteAllTextAsync(Path.Combine(root, "data", "evaluation", "office.tsv"),
            "pl,office\tkarta-wedkarska\tkarta wędkarska dla wnuka\npl,office\t-\tjaka jutro pogoda\n", TestContext.Current.CancellationToken);
        var (exit, output) = await RunAsync("eval", "--search", "--set", "office");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Search evaluation 'office', all: 2 queries (1 a card answers)", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans its temp folder.
        }
    }
}

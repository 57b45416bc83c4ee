using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Tests.ServiceCards;

/// <summary>Broken card files get precise, located messages and are kept out of service.</summary>
public sealed class CardValidationTests(KnowledgeBaseFixture kb) : IDisposable
{
    private readonly TemporaryFolder folder = new();

    private string Cards => folder.Path;

    // karta-wedkarska and rejestracja-lodzi-rybackiej link only to each other, so together they are a valid folder.
    private void CopyOfficeAndCard(string id)
    {
        File.Copy(Path.Combine(kb.Options.CardsPath, CardLoader.OfficeFileName), Path.Combine(Cards, CardLoader.OfficeFileName));
        foreach (var card in new[] { id, "rejestracja-lodzi-rybackiej" }.Distinct())
        {
            File.Copy(Path.Combine(kb.Options.CardsPath, card + ".yaml"), Path.Combine(Cards, card + ".yaml"));
        }
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Cards, name), text);

    private string Original(string id) => File.ReadAllText(Path.Combine(kb.Options.CardsPath, id + ".yaml"));

    [Fact]
    public void A_card_with_a_yaml_syntax_error_is_reported_with_its_line_and_left_out()
    {
        CopyOfficeAndCard("karta-wedkarska");
        Write("broken.yaml", "id: broken\nkind: service\ntitle: [unclosed\n");
        var result = CardLoader.Load(Cards);
        var problem = Assert.Single(result.Problems, p => p.File.EndsWith("broken.yaml", StringComparison.Ordinal));
        Assert.NotNull(problem.Line);
        Assert.Null(result.Catalogue.Find("broken"));
        Assert.NotNull(result.Catalogue.Find("karta-wedkarska"));
    }

    [Fact]
    public void An_unknown_field_is_reported_by_name_and_line()
    {
        CopyOfficeAndCard("karta-wedkarska");
        Write("karta-wedkarska.yaml", Original("karta-wedkarska").Replace("deadline:", "deadlne:", StringComparison.Ordinal));
        var problem = Assert.Single(CardLoader.Load(Cards).Problems);
        Assert.Contains("unknown field 'deadlne'", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Line > 1);
    }

    [Fact]
    public void A_missing_translation_and_a_missing_polish_text_are_errors_on_their_fields()
    {
        CopyOfficeAndCard("karta-wedkarska");
        var text = Original("karta-wedkarska");
        var ukTitleLine = text.Split('\n').First(l => l.TrimStart().StartsWith("uk: \"Рибальська картка", StringComparison.Ordinal));
        Write("karta-wedkarska.yaml", text.Replace(ukTitleLine + "\n", "", StringComparison.Ordinal));
        var result = CardLoader.Load(Cards);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("title.uk", problem.Field);
        Assert.Equal("missing translation", problem.Message);
        Assert.Equal(4, problem.Line); // the line of "title:"; the uk key itself is gone
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Duplicate_ids_broken_related_links_and_unknown_units_are_reported()
    {
        CopyOfficeAndCard("karta-wedkarska");
        Write("karta-wedkarska-kopia.yaml", Original("karta-wedkarska"));
        Write("rejestracja-lodzi-rybackiej.yaml", Original("rejestracja-lodzi-rybackiej")
            .Replace("unit: OS", "unit: XYZ", StringComparison.Ordinal)
            .Replace("related:\n  - karta-wedkarska\n", "related:\n  - karta-wedkarska\n  - no-such-card\n", StringComparison.Ordinal));
        var problems = CardLoader.Load(Cards).Problems;
        Assert.Contains(problems, p => p.Message.StartsWith("duplicate id 'karta-wedkarska'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "id" && p.Message.Contains("must match the file name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "unit" && p.Message.Contains("XYZ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field.StartsWith("related", StringComparison.Ordinal) && p.Message.Contains("broken link", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_with_an_unquoted_colon_gets_advice_on_how_to_fix_it()
    {
        CopyOfficeAndCard("karta-wedkarska");
        Write("karta-wedkarska.yaml", Original("karta-wedkarska").Replace("- \"Odbierz kartę;", "- Uwaga: odbierz kartę;", StringComparison.Ordinal));
        var problem = Assert.Single(CardLoader.Load(Cards).Problems);
        Assert.Contains("double quotes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_latin_and_cyrillic_letters_are_flagged_as_a_warning()
    {
        CopyOfficeAndCard("karta-wedkarska");
        Write("karta-wedkarska.yaml", Original("karta-wedkarska").Replace("- \"рибальська картка\"", "- \"рибальська кaртка\"", StringComparison.Ordinal));
        var result = CardLoader.Load(Cards);
        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Booking_queues_are_checked_and_a_card_naming_an_unknown_queue_is_left_out()
    {
        CopyOfficeAndCard("karta-wedkarska");
        Write("karta-wedkarska.yaml", Original("karta-wedkarska").Replace("\nunit:", "\nbooking_queue: no-such-queue\nunit:", StringComparison.Ordinal));
        Write(Asystent.KnowledgeBase.Appointments.BookingSchedule.FileName, """
            queues:
              - id: kt-rejestracja
                unit: XX
                slot_minutes: 2
                windows: 0
                hours: { mon: "17:00-08:00" }
                title: { pl: Rejestracja }
            closures:
              - date: 2026-12-31
                reason: { en: stock-taking }
            """);

        var result = CardLoader.Load(Cards);

        var fields = result.Problems.Select(p => p.Field).ToList();
        Assert.Contains("booking_queue", fields);
        Assert.Null(result.Catalogue.Find("karta-wedkarska"));
        foreach (var field in new[] { "queues[0].unit", "queues[0].slot_minutes", "queues[0].windows", "queues[0].hours.mon", "queues[0].title.en", "closures[0].reason.pl" })
        {
            Assert.Contains(field, fields);
        }
    }

    public void Dispose() => folder.Dispose();
}

using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Tests.ServiceCards;

/// <summary>
/// The rules that keep facts honest and texts whole: every fee and fine with its legal basis and
/// date, the fact check recorded, no field falling back to Polish, no value split by YAML, floors
/// that mean the same floor in every language; and the fee in force on the day is the one shown.
/// </summary>
public sealed class CardFactRulesTests(KnowledgeBaseFixture kb) : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    // A complete card in four languages; each test breaks or extends one part of it.
    private const string Card = """
        id: test-karta
        kind: service
        unit: OS
        title: { pl: "Karta testowa", en: "Test card", uk: "Тестова картка", ru: "Тестовая карта" }
        summary: { pl: "Opis.", en: "Summary.", uk: "Опис.", ru: "Описание." }
        steps:
          pl: ["Złóż wniosek."]
          en: ["File the application."]
          uk: ["Подайте заяву."]
          ru: ["Подайте заявление."]
        documents:
          pl: ["wniosek"]
          en: ["application"]
          uk: ["заява"]
          ru: ["заявление"]
        fees:
          - amount: 10
            for: { pl: "opłata", en: "fee", uk: "збір", ru: "сбор" }
            basis: "Ustawa testowa, art. 1"
            since: 2022-01-01
        deadline: { pl: "Od ręki.", en: "On the spot.", uk: "Одразу.", ru: "Сразу." }
        legal_basis: ["Ustawa testowa, art. 1"]
        keywords:
          pl: [test]
          en: [test]
          uk: [тест]
          ru: [тест]
        verified:
          date: 2026-12-02
          sources: ["Dz.U. 2022 poz. 1"]
        """;

    private CardLoadResult Load(string card)
    {
        File.Copy(Path.Combine(kb.Options.CardsPath, CardLoader.OfficeFileName), Path.Combine(folder.Path, CardLoader.OfficeFileName), overwrite: true);
        File.WriteAllText(Path.Combine(folder.Path, "test-karta.yaml"), card);
        return CardLoader.Load(folder.Path);
    }

    private static string Fields(CardLoadResult result) => string.Join(", ", result.Problems.Select(p => p.Field));

    [Fact]
    public void The_complete_card_is_valid() => Assert.Empty(Load(Card).Problems);

    [Fact]
    public void A_fee_without_its_legal_basis_or_date_is_refused()
    {
        var result = Load(Card.Replace("    basis: \"Ustawa testowa, art. 1\"\n", "").Replace("    since: 2022-01-01\n", ""));
        Assert.Contains(result.Problems, p => p.Field == "fees[0].basis");
        Assert.Contains(result.Problems, p => p.Field == "fees[0].since");
        Assert.Null(result.Catalogue.Find("test-karta"));
    }

    [Fact]
    public void A_fine_needs_the_same_as_a_fee()
    {
        var result = Load(Card + """

            fines:
              - amount: 500
                for: { pl: "kara", en: "fine", uk: "штраф", ru: "штраф" }
            """);
        Assert.Equal("fines[0].basis, fines[0].since", Fields(result));
    }

    [Fact]
    public void A_card_without_the_record_of_its_fact_check_is_refused()
    {
        var result = Load(Card[..Card.IndexOf("verified:", StringComparison.Ordinal)]);
        Assert.Equal("verified", Fields(result));
    }

    [Theory]
    [InlineData("deadline: { pl: \"Od ręki.\", en: \"On the spot.\", uk: \"Одразу.\", ru: \"Сразу.\" }", "deadline: { pl: \"Od ręki.\", en: \"On the spot.\", ru: \"Сразу.\" }", "deadline.uk")]
    [InlineData("    for: { pl: \"opłata\", en: \"fee\", uk: \"збір\", ru: \"сбор\" }", "    for: { pl: \"opłata\", en: \"fee\", uk: \"збір\" }", "fees[0].for.ru")]
    [InlineData("  uk: [тест]\n", "", "keywords.uk")]
    public void Every_text_must_exist_in_all_four_languages(string original, string replacement, string field)
    {
        var result = Load(Card.Replace(original, replacement, StringComparison.Ordinal));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal("missing translation", problem.Message);
    }

    [Fact]
    public void A_value_split_at_a_comma_by_an_unquoted_flow_list_is_caught()
    {
        var result = Load(Card.Replace("  pl: [\"wniosek\"]", "  pl: [wniosek, opłata ewidencyjna (4 × 0,50 zł)]", StringComparison.Ordinal));
        Assert.Equal("documents.pl[1], documents.pl[2]", Fields(result));
        Assert.All(result.Problems, p => Assert.Contains("unclosed", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_number_split_in_two_list_items_is_caught()
    {
        var result = Load(Card.Replace("  pl: [\"wniosek\"]", "  pl: [wniosek, znaki legalizacyjne 12, 50 zł]", StringComparison.Ordinal));
        var problem = Assert.Single(result.Problems);
        Assert.Contains("split at a comma", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pokój na 1. piętrze.", "Room on the first floor.", "Кімната на другому поверсі.", "Кабинет на втором этаже.", true)]
    [InlineData("Wejście na parterze.", "Entrance on the ground floor.", "Вхід на першому поверсі.", "Вход на первом этаже.", true)]
    [InlineData("Pokój na I piętrze.", "Room on floor 1.", "Кімната на 2-му поверсі.", "Кабинет на 2-м этаже.", true)]
    [InlineData("Pokój na 2. piętrze.", "Room on the second floor.", "Кімната на поверсі 2.", "Кабинет на третьем этаже.", false)]
    [InlineData("Opis.", "Summary.", "Кімната на 2-му поверсі.", "Описание.", false)]
    public void Floors_must_mean_the_same_floor_in_every_language(string polish, string english, string ukrainian, string russian, bool valid)
    {
        var result = Load(Card.Replace("summary: { pl: \"Opis.\", en: \"Summary.\", uk: \"Опис.\", ru: \"Описание.\" }",
            $"summary: {{ pl: \"{polish}\", en: \"{english}\", uk: \"{ukrainian}\", ru: \"{russian}\" }}", StringComparison.Ordinal));
        if (valid)
        {
            Assert.Empty(result.Problems);
        }
        else
        {
            var problem = Assert.Single(result.Problems);
            Assert.Equal("summary.uk", problem.Field);
            Assert.Contains("floors do not map", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_room_must_be_a_number_and_words_go_to_the_note()
    {
        var result = Load(Card + "\nwhere:\n  room: stanowiska 4–8\n");
        Assert.Equal("where.room", Fields(result));
        Assert.Empty(Load(Card + "\nwhere:\n  window: \"4–8\"\n  note: { pl: \"sala obsługi\", en: \"service hall\", uk: \"зала\", ru: \"зал\" }\n").Problems);
    }

    [Fact]
    public void The_fee_in_force_on_the_day_is_the_one_shown()
    {
        var result = Load(Card.Replace("    since: 2022-01-01\n", """
                since: 2022-01-01
                until: 2027-01-01
              - amount: 12.5
                for: { pl: "opłata", en: "fee", uk: "збір", ru: "сбор" }
                basis: "Rozporządzenie zmieniające, § 1"
                since: 2027-01-01

            """, StringComparison.Ordinal));
        Assert.Empty(result.Problems);
        var card = result.Catalogue.Find("test-karta")!;
        Assert.Equal(10m, LocalizedCard.From(card, result.Catalogue, Language.Pl, new DateOnly(2026, 12, 31)).FeesTotal);
        var later = LocalizedCard.From(card, result.Catalogue, Language.Uk, new DateOnly(2027, 1, 1));
        Assert.Equal(12.5m, Assert.Single(later.Fees).Amount);
        Assert.Equal(new DateOnly(2027, 1, 1), later.Fees[0].Since);
    }

    [Fact]
    public void An_optional_fee_is_shown_but_not_added_to_the_total()
    {
        var result = Load(Card.Replace("    since: 2022-01-01\n", """
                since: 2022-01-01
              - amount: 80
                optional: true
                for: { pl: "nowe tablice, jeśli zmieniasz numer", en: "new plates", uk: "нові номери", ru: "новые номера" }
                basis: "Rozporządzenie, § 2"
                since: 2022-01-01

            """, StringComparison.Ordinal));
        var view = LocalizedCard.From(result.Catalogue.Find("test-karta")!, result.Catalogue, Language.Pl);
        Assert.Equal(2, view.Fees.Count);
        Assert.Equal(10m, view.FeesTotal);
    }

    [Fact]
    public void No_card_of_the_catalogue_falls_back_to_Polish_in_any_language()
    {
        foreach (var card in kb.Catalogue.Cards)
        {
            foreach (var language in new[] { Language.En, Language.Uk, Language.Ru })
            {
                Assert.True(LocalizedCard.From(card, kb.Catalogue, language).FallbackFields.Count == 0,
                    $"{card.Id} ({language.Code()}) falls back in {string.Join(", ", LocalizedCard.From(card, kb.Catalogue, language).FallbackFields)}");
            }
        }
    }

    [Fact]
    public void Every_card_of_the_catalogue_is_valid()
    {
        var result = CardLoader.Load(kb.Options.CardsPath);
        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems.Take(20)));
    }
}

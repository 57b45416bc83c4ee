using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Tests.ServiceCards;

public sealed partial class CatalogueTests(KnowledgeBaseFixture kb)
{
    [Fact]
    public void Every_card_in_the_repository_is_valid()
    {
        var result = CardLoader.Load(kb.Options.CardsPath);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Every_card_required_by_the_shared_catalogue_exists()
    {
        var required = CatalogueRow().Matches(File.ReadAllText(CatalogueCopy)).Select(m => m.Groups[1].Value).Where(id => id != "slug").ToList();
        Assert.True(required.Count >= 60, "the catalogue should list the required cards");
        var missing = required.Where(id => kb.Catalogue.Find(id) is null).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_copy_of_the_shared_catalogue_is_the_shared_one()
    {
        // shared/catalogue.md sits next to the repository root where the project is developed and in
        // CI; a clone elsewhere has only the copy, so a change to the shared list is caught there.
        var shared = Path.Combine(kb.Root, "..", "shared", "catalogue.md");
        Assert.SkipUnless(File.Exists(shared), $"no shared catalogue at {shared} to compare the copy with");
        Assert.Equal(File.ReadAllText(shared), File.ReadAllText(CatalogueCopy));
    }

    /// <summary>The shared catalogue as of this revision, kept in the repository so a clone anywhere can be tested.</summary>
    private string CatalogueCopy => Path.Combine(kb.Root, "tests", "KnowledgeBase.Tests", "ServiceCards", "shared-catalogue.md");

    [Fact]
    public void Every_card_has_the_translated_fields_a_foreigner_needs()
    {
        foreach (var card in kb.Catalogue.Cards)
        {
            foreach (var language in Asystent.KnowledgeBase.Languages.Languages.All)
            {
                Assert.False(string.IsNullOrWhiteSpace(card.Title.In(language)), $"{card.Id}: title.{language.Code()}");
                Assert.False(string.IsNullOrWhiteSpace(card.Summary.In(language)), $"{card.Id}: summary.{language.Code()}");
                Assert.NotNull(card.Steps.In(language));
                if (card.Kind == CardKind.Service)
                {
                    Assert.NotNull(card.Documents.In(language));
                }
            }
        }
    }

    [Fact]
    public void Redirect_cards_name_the_office_that_handles_the_matter()
    {
        var redirects = kb.Catalogue.Cards.Where(c => c.Kind == CardKind.Redirect).ToList();
        Assert.True(redirects.Count >= 8);
        Assert.All(redirects, c => Assert.False(string.IsNullOrWhiteSpace(c.Redirect?.Office.In(Language.Pl))));
    }

    [Fact]
    public void Localized_card_falls_back_to_polish_field_by_field_and_says_which()
    {
        var card = kb.Catalogue.Find("rejestracja-pojazdu-nowego")!;
        var english = LocalizedCard.From(card, kb.Catalogue, Language.En);
        Assert.Equal(card.Title.In(Language.En), english.Title);
        Assert.DoesNotContain("title", english.FallbackFields);

        // The catalogue's cards are whole; a card missing a translation (as staff may save a draft) falls back.
        var draft = new ServiceCard
        {
            Id = "szkic", Unit = "KT",
            Title = new LocalizedText { ["pl"] = "Szkic", ["uk"] = "Чернетка" },
            Deadline = new LocalizedText { ["pl"] = "Do 30 dni." },
        };
        var ukrainian = LocalizedCard.From(draft, kb.Catalogue, Language.Uk);
        Assert.Contains("deadline", ukrainian.FallbackFields);
        Assert.DoesNotContain("title", ukrainian.FallbackFields);
        Assert.Equal("Do 30 dni.", ukrainian.Deadline);
        Assert.Equal(card.Fees.Where(f => !f.Optional).Sum(f => f.Amount), LocalizedCard.From(card, kb.Catalogue, Language.Uk).FeesTotal);
    }

    [GeneratedRegex(@"^\| ([a-z0-9-]+) \|", RegexOptions.Multiline)]
    private static partial Regex CatalogueRow();
}

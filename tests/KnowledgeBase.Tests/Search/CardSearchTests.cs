using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Tests.Search;

public sealed class CardSearchTests(KnowledgeBaseFixture kb)
{
    private string Top(string query) => kb.Search(query).Results[0].Id;

    [Fact]
    public void Search_FindsImportedCardFirst_ForTheQuestionFromTheIssue() =>
        Assert.Equal("rejestracja-pojazdu-sprowadzonego", Top("gdzie zarejestrowac auto z niemiec"));

    [Theory]
    [InlineData("zarejestrować samochód sprowadzony z Niemiec")]
    [InlineData("zarejestrowac samochod sprowadzony z niemiec")]
    public void Search_GivesTheSameFirstCard_WithAndWithoutPolishLetters(string query) =>
        Assert.Equal("rejestracja-pojazdu-sprowadzonego", Top(query));

    [Theory]
    [InlineData("paszpot dla dziecka", "paszport-dla-dziecka")]
    [InlineData("karta wedkarsak", "karta-wedkarska")]
    [InlineData("wypis z rejstru gruntow", "wypis-z-rejestru-gruntow")]
    public void Search_ToleratesTypos(string query, string expected) => Assert.Equal(expected, Top(query));

    [Theory]
    [InlineData("zgubiłem prawko", "wtornik-prawa-jazdy")]
    [InlineData("chcę mieć blachy z własnym napisem", "tablice-rejestracyjne")]
    [InlineData("oddałem auto na złom", "wyrejestrowanie-pojazdu")]
    public void Search_UnderstandsSlang(string query, string expected) => Assert.Equal(expected, Top(query));

    [Theory]
    [InlineData("how do I register a car imported from Germany", "rejestracja-pojazdu-sprowadzonego", Language.En)]
    [InlineData("загубив паспорт що робити", "utrata-paszportu", Language.Uk)]
    [InlineData("потерял водительские права", "wtornik-prawa-jazdy", Language.Ru)]
    [InlineData("karta parkingowa dla osoby niepełnosprawnej", "karta-parkingowa", Language.Pl)]
    public void Search_AnswersInAllFourLanguages(string query, string expected, Language language)
    {
        var response = kb.Search(query);
        Assert.Equal(language, response.Language);
        Assert.Equal(expected, response.Results[0].Id);
    }

    [Fact]
    public void Search_ReturnsTitleAndSnippetInTheQuestionsLanguage()
    {
        var hit = kb.Search("як зареєструвати машину з Німеччини").Results[0];
        Assert.Equal(kb.Catalogue.Find(hit.Id)!.Title.In(Language.Uk), hit.Title);
        Assert.Matches("[\u0400-\u04FF]", hit.Snippet);
    }

    [Fact]
    public void Search_FindsRedirectCards_ForMattersOfOtherOffices()
    {
        var hit = kb.Search("wymiana dowodu osobistego").Results[0];
        Assert.Equal("dowod-osobisty", hit.Id);
        Assert.Equal(CardKind.Redirect, hit.Kind);
    }

    [Fact]
    public void Search_FiltersByUnitAndKind()
    {
        var byUnit = CardSearcher.Search(kb.Index, new SearchRequest("zgubiłem", Unit: "BP", Top: 10));
        Assert.NotEmpty(byUnit.Results);
        Assert.All(byUnit.Results, r => Assert.Equal("BP", r.UnitCode));

        var redirects = CardSearcher.Search(kb.Index, new SearchRequest("gmina", Kind: CardKind.Redirect, Top: 10));
        Assert.NotEmpty(redirects.Results);
        Assert.All(redirects.Results, r => Assert.Equal(CardKind.Redirect, r.Kind));
    }

    [Fact]
    public void Search_ReturnsResultsBestFirst()
    {
        var scores = kb.Search("prawo jazdy", top: 10).Results.Select(r => r.Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void Search_ReturnsNothing_ForGibberish() => Assert.Empty(kb.Search("qwxzv bnmkl").Results);

    [Theory]
    [InlineData("мельдунек", "meldunek")]
    [InlineData("карта побиту продовжити", "karta-pobytu")]
    [InlineData("де отримати песель", "pesel-dla-cudzoziemca")]
    public void Search_MatchesPolishOfficeWordsWrittenInCyrillic(string query, string expected) =>
        Assert.Contains(expected, kb.Search(query, top: 3).Results.Select(r => r.Id));

    [Theory]
    [InlineData("в Польщі")]
    [InlineData("dzień dobry, pozdrawiam")]
    [InlineData("hello, in Poland")]
    public void Search_GivesNoCard_ForWordsThatSayNothingAboutTheMatter(string query) =>
        Assert.False(kb.Search(query).Answerable);

    [Theory]
    [InlineData("rejestracja samochodu z Niemiec")]
    [InlineData("прописка в Польщі")]
    public void Search_RanksTheSame_WithOrWithoutTheCountry(string query) =>
        Assert.Equal(Top(query.Replace(" z Niemiec", " z Niemiec w Polsce", StringComparison.Ordinal).Replace(" в Польщі", "", StringComparison.Ordinal)), Top(query));

    [Theory]
    [InlineData("jaka jutro będzie pogoda", false)]
    [InlineData("opowiedz mi dowcip", false)]
    [InlineData("gdzie zarejestrować auto sprowadzone z niemiec", true)]
    [InlineData("zgubiłem paszport", true)]
    [InlineData("як обміняти українські права на польські", true)]
    public void Search_JudgesWhetherItsFirstCardAnswers(string query, bool answerable) =>
        Assert.Equal(answerable, kb.Search(query).Answerable);
}

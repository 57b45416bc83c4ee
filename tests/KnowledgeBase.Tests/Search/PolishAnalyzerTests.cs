using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.KnowledgeBase.Tests.Search;

/// <summary>Token-level checks of the analysis chains, in the style of Lucene's AssertAnalyzesTo.</summary>
public sealed class PolishAnalyzerTests(KnowledgeBaseFixture kb)
{
    private List<string> Polish(string text) => AnalyzerSet.Terms(kb.Index.Analyzers.For(Language.Pl), text);

    private List<string> Light(string text) => AnalyzerSet.Terms(kb.Index.Analyzers.Light, text);

    [Theory]
    [InlineData("samochodu", "samochod")]
    [InlineData("samochodem", "samochod")]
    [InlineData("Samochód", "samochod")]
    [InlineData("zarejestrowałem", "zarejestrowac")]
    [InlineData("rejestracji", "rejestracja")]
    [InlineData("paszportu", "paszport")]
    public void Hunspell_stems_inflected_words_and_folds_polish_letters(string word, string expectedStem) =>
        Assert.Contains(expectedStem, Polish(word));

    [Fact]
    public void Hunspell_keeps_every_stem_so_prawa_matches_prawo_jazdy()
    {
        // With longestOnly on, "prawa" yields only "prawy"; the analyzer must keep "prawo" too.
        Assert.Contains("prawo", Polish("prawa"));
    }

    [Fact]
    public void Typed_without_polish_letters_a_base_form_meets_the_folded_stem() =>
        Assert.Equal(Polish("samochód"), Polish("samochod"));

    [Theory]
    [InlineData("wyrysu", "wyrys")]
    [InlineData("wypisów", "wypis")]
    [InlineData("prawka", "prawko")]
    public void Office_words_missing_from_hunspell_are_reduced_by_the_office_vocabulary(string word, string lemma) =>
        Assert.Equal([lemma], Polish(word));

    [Fact]
    public void Stop_words_produce_no_tokens() => Assert.Empty(Polish("gdzie jak czy się"));

    [Theory]
    [InlineData("pojazdów", "pojazdow")]
    [InlineData("samochodow", "samochodu")]
    [InlineData("rejestracje", "rejestracji")]
    [InlineData("zarejestrowac", "zarejestruje")]
    public void Light_analysis_gives_forms_without_polish_letters_the_same_stem(string a, string b) =>
        Assert.Equal(Light(a), Light(b));

    [Fact]
    public void Ukrainian_hunspell_stems_inflected_nouns() =>
        Assert.Contains("паспорт", AnalyzerSet.Terms(kb.Index.Analyzers.For(Language.Uk), "паспорта"));

    [Fact]
    public void Russian_snowball_reduces_case_endings() =>
        Assert.Equal(
            AnalyzerSet.Terms(kb.Index.Analyzers.For(Language.Ru), "паспорта"),
            AnalyzerSet.Terms(kb.Index.Analyzers.For(Language.Ru), "паспорт"));

    [Fact]
    public void English_porter_stems_plurals() =>
        Assert.Equal(
            AnalyzerSet.Terms(kb.Index.Analyzers.For(Language.En), "plates"),
            AnalyzerSet.Terms(kb.Index.Analyzers.For(Language.En), "plate"));
}

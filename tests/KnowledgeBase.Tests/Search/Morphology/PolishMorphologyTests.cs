using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.Search.Morphology;
using Microsoft.Extensions.Logging.Abstractions;

namespace Asystent.KnowledgeBase.Tests.Search.Morphology;

/// <summary>The Polish analyzer chosen by KnowledgeBase:PolishMorphology, at token level and end to end.</summary>
public sealed class PolishMorphologyTests(KnowledgeBaseFixture kb)
{
    private List<string> Polish(string setting, string text, FoldedLemmaMap? folded = null)
    {
        var data = PolishMorphologyData.Load(kb.Options.MorphologyPath, PolishMorphologySetting.Parse(setting));
        using var analyzers = new AnalyzerSet(kb.Dictionaries, kb.Vocabulary, new PolishMorphology(data, kb.Dictionaries.PolishStems, folded));
        return AnalyzerSet.Terms(analyzers.For(Language.Pl), text);
    }

    [Theory]
    [InlineData("hunspell", new[] { PolishStemmer.Hunspell }, false)]
    [InlineData("Stempel", new[] { PolishStemmer.Stempel }, false)]
    [InlineData("hunspell + morfologik", new[] { PolishStemmer.Hunspell, PolishStemmer.Morfologik }, false)]
    [InlineData("morfologik>hunspell>stempel", new[] { PolishStemmer.Morfologik, PolishStemmer.Hunspell, PolishStemmer.Stempel }, true)]
    public void The_setting_names_stemmers_and_how_they_combine(string text, PolishStemmer[] stemmers, bool firstThatKnows)
    {
        var setting = PolishMorphologySetting.Parse(text);
        Assert.Equal(stemmers, setting.Stemmers);
        Assert.Equal(firstThatKnows, setting.FirstThatKnows);
        Assert.Equal(setting, PolishMorphologySetting.Parse(setting.ToString()));
    }

    [Theory]
    [InlineData("snowball")]
    [InlineData("hunspell+morfologik>stempel")]
    [InlineData("")]
    public void An_unknown_or_mixed_setting_is_refused(string text) =>
        Assert.False(PolishMorphologySetting.TryParse(text, out _));

    [Fact]
    public void Stempel_stems_and_then_folds() => Assert.Equal(["samochod"], Polish("stempel", "samochodu"));

    [Theory]
    [InlineData("zarejestrowałem", "zarejestrowac")]
    [InlineData("samochodu", "samochod")]
    [InlineData("niemczech", "niemcy")]   // a name, found capitalised though the analyzer lower-cases
    public void Morfologik_gives_folded_lemmas(string word, string lemma) =>
        Assert.Contains(lemma, Polish("morfologik", word));

    [Fact]
    public void Morfologik_keeps_every_lemma_so_prawa_matches_prawo_jazdy()
    {
        var terms = Polish("morfologik", "prawa");
        Assert.Contains("prawo", terms);
        Assert.Contains("prawy", terms);
    }

    [Fact]
    public void The_folded_map_lemmatises_forms_typed_without_polish_letters()
    {
        Assert.Equal(["sprowadzilem"], Polish("morfologik", "sprowadzilem"));
        var folded = FoldedLemmaMap.Build(PolishMorphologyData.Load(kb.Options.MorphologyPath, PolishMorphologySetting.Parse("morfologik")).Morfologik!, new HashSet<string> { "sprowadzic" });
        Assert.Equal(["sprowadzic"], Polish("morfologik", "sprowadzilem", folded));
    }

    [Fact]
    public void A_union_keeps_the_stems_of_every_stemmer() =>
        Assert.Equal(["samochod"], Polish("hunspell+stempel+morfologik", "samochodu"));

    [Fact]
    public void First_that_knows_falls_back_for_words_the_dictionary_lacks()
    {
        Assert.Equal(["samochod"], Polish("morfologik>stempel", "samochodu"));
        Assert.Equal(Polish("stempel", "wyrejestrowywaniami"), Polish("morfologik>stempel", "wyrejestrowywaniami"));
    }

    [Fact]
    public void A_generation_records_its_morphology_and_reopens_with_it()
    {
        using var folder = new TemporaryFolder();
        var options = kb.TemporaryOptions(folder.Path);
        options.PolishMorphology = "morfologik";
        var manifest = new CardIndexBuilder(kb.Dictionaries).Build(options).Manifest!;
        var generation = Path.Combine(options.IndexPath, manifest.Generation, CardIndexBuilder.MorphologyFolderName);
        Assert.Equal("morfologik", File.ReadAllText(Path.Combine(generation, PolishMorphologyData.SettingFileName)).Trim());
        Assert.True(File.Exists(Path.Combine(generation, FoldedLemmaMap.FileName)));

        using var service = new CardSearchService(options, NullLogger<CardSearchService>.Instance);
        service.Refresh();
        Assert.Equal("rejestracja-pojazdu-sprowadzonego", service.Search(new SearchRequest("gdzie zarejestrowac auto z niemiec")).Results[0].Id);

        var store = new CardIndexStore(options.IndexPath);
        Assert.True(store.IsUpToDate(CardIndexStore.HashSources(options)));
        options.PolishMorphology = "stempel";
        Assert.False(store.IsUpToDate(CardIndexStore.HashSources(options)));
    }
}

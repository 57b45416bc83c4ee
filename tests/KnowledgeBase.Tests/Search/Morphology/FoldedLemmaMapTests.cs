using Asystent.KnowledgeBase.Search.Morphology;

namespace Asystent.KnowledgeBase.Tests.Search.Morphology;

/// <summary>Forms typed without Polish letters or capitals, mapped to the lemmas an index contains.</summary>
public sealed class FoldedLemmaMapTests(MorphologyFixture morphology)
{
    // The folded lemma terms an index would hold; "sąd" is deliberately missing.
    private static readonly HashSet<string> IndexTerms = ["niemcy", "samochod", "zarejestrowac", "sprowadzic", "prawo"];

    private FoldedLemmaMap Map => Maps.Get(morphology.Morfologik);

    [Theory]
    [InlineData("zarejestrowac", "zarejestrować")]
    [InlineData("sprowadzilem", "sprowadzić")]
    [InlineData("niemczech", "Niemcy")]
    [InlineData("samochod", "samochód")]
    public void A_form_typed_in_plain_letters_finds_its_lemma(string typed, string lemma) =>
        Assert.Contains(lemma, Map.Lemmas(typed));

    [Fact]
    public void Lemmas_the_index_lacks_are_left_out() => Assert.Empty(Map.Lemmas("sad"));

    [Fact]
    public void Forms_that_do_not_change_when_folded_are_left_to_the_dictionary() =>
        Assert.Empty(Map.Lemmas("samochodu"));

    [Fact]
    public void Keeps_only_the_forms_of_the_index_lemmas() => Assert.InRange(Map.Count, 10, 2_000);

    [Fact]
    public void Survives_a_save_and_load()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, FoldedLemmaMap.FileName);
        Map.Save(path);
        var loaded = FoldedLemmaMap.Load(path);
        Assert.Equal(Map.Count, loaded.Count);
        Assert.Equal(Map.Lemmas("niemczech"), loaded.Lemmas("niemczech"));
    }

    // Building walks the whole dictionary (a second or two): once for the class.
    private static class Maps
    {
        private static readonly Lock Gate = new();
        private static FoldedLemmaMap? map;

        public static FoldedLemmaMap Get(MorfologikDictionary dictionary)
        {
            lock (Gate)
            {
                return map ??= FoldedLemmaMap.Build(dictionary, IndexTerms);
            }
        }
    }
}

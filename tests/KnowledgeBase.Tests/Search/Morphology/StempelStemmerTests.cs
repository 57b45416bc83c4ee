using Asystent.KnowledgeBase.Search.Morphology;

namespace Asystent.KnowledgeBase.Tests.Search.Morphology;

/// <summary>The Stempel table Lucene ships (stemmer_20000.tbl), read by our own reader.</summary>
public sealed class StempelStemmerTests(MorphologyFixture morphology)
{
    private StempelStemmer Stemmer => morphology.Stempel;

    [Theory]
    [InlineData("samochodu", "samochod")]
    [InlineData("samochodem", "samochod")]
    [InlineData("zarejestrowałem", "zarejestrować")]
    [InlineData("rejestracji", "rejestracja")]
    [InlineData("paszportu", "paszport")]
    [InlineData("dowodu", "dowód")]
    [InlineData("urzędzie", "urząd")]
    public void Stems_inflected_words_with_the_table(string word, string stem) =>
        Assert.Equal(stem, Stemmer.Stem(word));

    [Fact]
    public void Different_forms_of_one_word_meet_at_one_stem() =>
        Assert.Equal(Stemmer.Stem("samochodu"), Stemmer.Stem("samochodem"));

    [Fact]
    public void Words_shorter_than_three_letters_are_left_alone() => Assert.Null(Stemmer.Stem("za"));

    [Theory]
    [InlineData("abc", "Rx", "abx")]     // replace the last letter
    [InlineData("abc", "Da", "ab")]      // delete one letter from the end
    [InlineData("abc", "-aDa", "ac")]    // skip one, delete the next
    [InlineData("abc", "Ix", "abcx")]    // insert after the last letter
    [InlineData("ab", "Dc", "ab")]       // a deletion beyond the word's start stops the patch
    public void Patches_apply_from_the_end_of_the_word(string word, string patch, string expected) =>
        Assert.Equal(expected, StempelStemmer.ApplyPatch(word, patch));
}

using Asystent.KnowledgeBase.Search.Morphology;

namespace Asystent.KnowledgeBase.Tests.Search.Morphology;

/// <summary>Morfologik's polish.dict (CFSA2 automaton, PREFIX lemma encoding), read by our own reader.</summary>
public sealed class MorfologikDictionaryTests(MorphologyFixture morphology)
{
    private MorfologikDictionary Dictionary => morphology.Morfologik;

    [Theory]
    [InlineData("samochodu", "samochód")]
    [InlineData("zarejestrowałem", "zarejestrować")]
    [InlineData("urzędzie", "urząd")]
    [InlineData("Niemczech", "Niemcy")]
    public void Finds_the_lemma_of_an_inflected_form(string form, string lemma) =>
        Assert.Equal([lemma], Dictionary.Lemmas(form));

    [Fact]
    public void A_form_with_several_readings_has_every_lemma()
    {
        var lemmas = Dictionary.Lemmas("prawa");
        Assert.Contains("prawo", lemmas);
        Assert.Contains("prawy", lemmas);
    }

    [Fact]
    public void Readings_carry_their_grammatical_tags()
    {
        var reading = Assert.Single(Dictionary.Lookup("samochodu"));
        Assert.Equal("samochód", reading.Lemma);
        Assert.StartsWith("subst:sg:gen", reading.Tag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("niemczech")]      // names are stored capitalised; the folded map handles this case
    [InlineData("samochod")]       // typed without Polish letters
    [InlineData("xqzwyklf")]
    [InlineData("")]
    public void Forms_not_written_as_in_the_dictionary_are_unknown(string form) => Assert.Empty(Dictionary.Lookup(form));

    [Fact]
    public void Enumerates_every_form_and_lemma_pair()
    {
        Assert.Contains(("samochodu", "samochód"), morphology.SampleEntries);
        Assert.Contains(("Niemczech", "Niemcy"), morphology.SampleEntries);
        Assert.True(morphology.EntryCount > 4_000_000, $"only {morphology.EntryCount} pairs");
    }

    [Fact]
    public void The_older_fsa5_layout_is_refused_with_a_clear_error()
    {
        using var folder = new TemporaryFolder();
        var dict = Path.Combine(folder.Path, "old.dict");
        var info = Path.Combine(folder.Path, "old.info");
        File.WriteAllBytes(dict, [(byte)'\\', (byte)'f', (byte)'s', (byte)'a', 5, 0, 0, 0x11, 0, 0]);
        File.WriteAllText(info, "fsa.dict.separator=+\nfsa.dict.encoding=UTF-8\nfsa.dict.encoder=SUFFIX\n");
        Assert.Throws<NotSupportedException>(() => MorfologikDictionary.Load(dict, info));
    }

    [Theory]
    [InlineData("SUFFIX", "domu", "B", "dom")]                 // cut 1 byte from the end
    [InlineData("SUFFIX", "ludzie", "Gczłowiek", "człowiek")]  // cut all 6, append
    [InlineData("PREFIX", "nienajlepszy", "DA", "najlepszy")]  // cut 3 from the start, none from the end
    [InlineData("PREFIX", "lepszy", "@Adobry", "dobry")]       // 'A' + 255 (wraps to '@'): drop the whole form
    [InlineData("INFIX", "abXYcd", "CCA", "abcd")]             // cut 2 bytes at offset 2
    [InlineData("NONE", "byli", "być", "być")]
    public void Lemma_codes_decode_relative_to_the_form(string encoder, string form, string code, string lemma)
    {
        var decoded = LemmaEncoder.Parse(encoder).Decode(System.Text.Encoding.UTF8.GetBytes(form), System.Text.Encoding.UTF8.GetBytes(code));
        Assert.Equal(lemma, System.Text.Encoding.UTF8.GetString(decoded));
    }
}

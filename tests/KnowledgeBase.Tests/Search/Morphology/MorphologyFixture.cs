using Asystent.KnowledgeBase.Search.Morphology;
using Microsoft.Extensions.Configuration;

[assembly: AssemblyFixture(typeof(Asystent.KnowledgeBase.Tests.Search.Morphology.MorphologyFixture))]

namespace Asystent.KnowledgeBase.Tests.Search.Morphology;

/// <summary>
/// The real Stempel table and Morfologik dictionary (fetched by the build into
/// KnowledgeBase/Dictionaries/morphology), loaded once for the test assembly, and the full walk of the
/// dictionary's (form, lemma) pairs done at most once.
/// </summary>
public sealed class MorphologyFixture
{
    private readonly Lazy<List<(string Form, string Lemma)>> entriesWithPolishLetters;

    public MorphologyFixture()
    {
        var root = AssistantRoot.Locate();
        Options = KnowledgeBaseOptions.FromConfiguration(new ConfigurationBuilder().AddJsonFile(Path.Combine(root, "appsettings.json")).Build(), root);
        Stempel = StempelStemmer.Load(Path.Combine(Options.MorphologyPath, StempelStemmer.FileName));
        Morfologik = MorfologikDictionary.Load(Options.MorphologyPath);
        entriesWithPolishLetters = new(() =>
        {
            var entries = new List<(string, string)>();
            var count = 0;
            Morfologik.ForEachEntry((form, lemma) =>
            {
                count++;
                if (form.SequenceEqual("samochodu"u8) || form.SequenceEqual("Niemczech"u8))
                {
                    entries.Add((System.Text.Encoding.UTF8.GetString(form), System.Text.Encoding.UTF8.GetString(lemma)));
                }
            });
            EntryCount = count;
            return entries;
        });
    }

    public KnowledgeBaseOptions Options { get; }
    public StempelStemmer Stempel { get; }
    public MorfologikDictionary Morfologik { get; }

    /// <summary>How many (form, lemma) pairs the full walk met; set by <see cref="SampleEntries"/>.</summary>
    public int EntryCount { get; private set; }

    /// <summary>The pairs of two known forms, collected in one walk over the whole dictionary.</summary>
    public IReadOnlyList<(string Form, string Lemma)> SampleEntries => entriesWithPolishLetters.Value;
}

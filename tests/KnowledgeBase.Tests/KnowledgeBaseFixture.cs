using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.Search.Morphology;
using Asystent.KnowledgeBase.ServiceCards;
using Microsoft.Extensions.Configuration;

[assembly: AssemblyFixture(typeof(Asystent.KnowledgeBase.Tests.KnowledgeBaseFixture))]

namespace Asystent.KnowledgeBase.Tests;

/// <summary>
/// The real cards, vocabulary and Hunspell dictionaries, loaded once for the whole test assembly
/// (the dictionaries take seconds to load), with an in-memory index built from them.
/// </summary>
public sealed class KnowledgeBaseFixture : IDisposable
{
    public KnowledgeBaseFixture()
    {
        Root = AssistantRoot.Locate();
        Options = KnowledgeBaseOptions.FromConfiguration(new ConfigurationBuilder().AddJsonFile(Path.Combine(Root, "appsettings.json")).Build(), Root);
        Dictionaries = HunspellDictionaries.Load(Options.DictionariesPath);
        Morphology = PolishMorphologyData.Load(Options);
        Vocabulary = SearchVocabulary.Load(Options.VocabularyPath);
        Catalogue = CardLoader.Load(Options.CardsPath).Catalogue;
        // As a build makes it: with the card classifier trained on the cards and the training questions.
        Index = InMemoryCardIndex.Build(Catalogue, Vocabulary, Dictionaries, Morphology, Asystent.KnowledgeBase.Evaluation.EvaluationSet.TrainingQuestions(Options));
    }

    public string Root { get; }
    public KnowledgeBaseOptions Options { get; }
    public HunspellDictionaries Dictionaries { get; }

    /// <summary>The Polish morphology the configuration chooses (KnowledgeBase:PolishMorphology), loaded.</summary>
    public PolishMorphologyData Morphology { get; }
    public SearchVocabulary Vocabulary { get; }
    public CardCatalogue Catalogue { get; }
    internal CardIndex Index { get; }

    internal SearchResponse Search(string query, Asystent.KnowledgeBase.Languages.Language? language = null, int top = 5) =>
        CardSearcher.Search(Index, new SearchRequest(query, language, top));

    /// <summary>Options pointing at fresh temporary folders for index and cards, for tests that write.</summary>
    public KnowledgeBaseOptions TemporaryOptions(string folder, string? cardsPath = null) => new()
    {
        CardsPath = cardsPath ?? Options.CardsPath,
        VocabularyPath = Options.VocabularyPath,
        DictionariesPath = Options.DictionariesPath,
        MorphologyPath = Options.MorphologyPath,
        PolishMorphology = Options.PolishMorphology,
        IndexPath = Path.Combine(folder, "index"),
        EvaluationPath = Options.EvaluationPath,
        IntentsPath = Options.IntentsPath,
    };

    public void Dispose() => Index.Dispose();
}

/// <summary>A temporary folder deleted after the test.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("asystent-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A reader may still hold a file on some platforms; the OS cleans temp folders.
        }
    }
}

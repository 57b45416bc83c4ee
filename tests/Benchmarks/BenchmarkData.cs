using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Evaluation;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.Search.Morphology;
using Asystent.KnowledgeBase.ServiceCards;
using Microsoft.Extensions.Configuration;

namespace Asystent.Benchmarks;

/// <summary>The real cards, vocabulary, dictionaries and evaluation questions, loaded once per process.</summary>
internal sealed class BenchmarkData
{
    private static readonly Lazy<BenchmarkData> Shared = new(() => new BenchmarkData());

    private BenchmarkData()
    {
        Root = AssistantRoot.Locate();
        Options = KnowledgeBaseOptions.FromConfiguration(new ConfigurationBuilder().AddJsonFile(Path.Combine(Root, "appsettings.json")).Build(), Root);
        Dictionaries = HunspellDictionaries.Load(Options.DictionariesPath);
        Morphology = PolishMorphologyData.Load(Options);
        Vocabulary = SearchVocabulary.Load(Options.VocabularyPath);
        Demo = CardLoader.Load(Options.CardsPath).Catalogue;
        Queries = EvaluationSet.Load(Path.Combine(Options.EvaluationPath, EvaluationSet.SearchQueriesFile));
    }

    public static BenchmarkData Instance => Shared.Value;

    public string Root { get; }
    public KnowledgeBaseOptions Options { get; }
    public HunspellDictionaries Dictionaries { get; }
    public PolishMorphologyData Morphology { get; }
    public SearchVocabulary Vocabulary { get; }
    public CardCatalogue Demo { get; }
    public IReadOnlyList<EvaluationQuery> Queries { get; }
}

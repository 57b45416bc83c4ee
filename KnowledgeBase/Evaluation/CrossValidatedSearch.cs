using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.Search.Morphology;
using Asystent.KnowledgeBase.Search.Ranking;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Evaluation;

/// <summary>
/// Search figures on the questions the card classifier learns from, measured honestly: each fifth of
/// the questions is searched with a classifier trained on the cards and the other four fifths only.
/// </summary>
public static class CrossValidatedSearch
{
    public const int Folds = 5;

    /// <summary>The report for each classifier weight tried (0 is BM25 alone).</summary>
    public static IReadOnlyList<(float Weight, SearchEvaluationReport Report)> Run(
        KnowledgeBaseOptions options, IReadOnlyList<EvaluationQuery> questions, IReadOnlyList<float> weights)
    {
        var dictionaries = HunspellDictionaries.Load(options.DictionariesPath);
        var vocabulary = SearchVocabulary.Load(options.VocabularyPath);
        var morphology = PolishMorphologyData.Load(options);
        var catalogue = CardLoader.Load(options.CardsPath).Catalogue;
        var evaluated = weights.ToDictionary(w => w, _ => new List<EvaluatedQuery>());
        var original = CardSearcher.ClassifierWeight;
        try
        {
            for (var fold = 0; fold < Folds; fold++)
            {
                var test = questions.Where((_, i) => i % Folds == fold).ToList();
                var train = questions.Where((_, i) => i % Folds != fold);
                using var index = InMemoryCardIndex.Build(catalogue, vocabulary, dictionaries, morphology, [.. EvaluationSet.Examples(train), .. EvaluationSet.NoCardUtterances(options)]);
                foreach (var weight in weights)
                {
                    CardSearcher.ClassifierWeight = weight;
                    evaluated[weight].AddRange(SearchEvaluator.Run(request => CardSearcher.Search(index, request), catalogue, test).AllQueries);
                }
            }
        }
        finally
        {
            CardSearcher.ClassifierWeight = original;
        }

        return weights.Select(w => (w, SearchEvaluator.Report(evaluated[w]))).ToList();
    }
}

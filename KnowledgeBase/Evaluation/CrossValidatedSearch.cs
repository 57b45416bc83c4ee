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
        KnowledgeBaseOptions options, IReadOnlyList<EvaluationQuery> questions, IReadOnlyList<float> weights) =>
        Run(options, questions, weights.Select(w => (w, CardClassifier.KeywordPhraseWeight)).ToList())
            .Select(r => (r.Weight, r.Report)).ToList();

    /// <summary>The report for each pair of classifier weight and keyword-phrase bonus tried.</summary>
    public static IReadOnlyList<(float Weight, float PhraseWeight, SearchEvaluationReport Report)> Run(
        KnowledgeBaseOptions options, IReadOnlyList<EvaluationQuery> questions, IReadOnlyList<(float Weight, float PhraseWeight)> settings)
    {
        var dictionaries = HunspellDictionaries.Load(options.DictionariesPath);
        var vocabulary = SearchVocabulary.Load(options.VocabularyPath);
        var morphology = PolishMorphologyData.Load(options);
        var catalogue = CardLoader.Load(options.CardsPath).Catalogue;
        var evaluated = settings.Distinct().ToDictionary(w => w, _ => new List<EvaluatedQuery>());
        var original = (CardSearcher.ClassifierWeight, CardSearcher.KeywordPhraseWeight);
        try
        {
            for (var fold = 0; fold < Folds; fold++)
            {
                var test = questions.Where((_, i) => i % Folds == fold).ToList();
                var train = questions.Where((_, i) => i % Folds != fold);
                using var index = InMemoryCardIndex.Build(catalogue, vocabulary, dictionaries, morphology, [.. EvaluationSet.Examples(train), .. EvaluationSet.NoCardUtterances(options)]);
                foreach (var setting in evaluated.Keys)
                {
                    (CardSearcher.ClassifierWeight, CardSearcher.KeywordPhraseWeight) = setting;
                    evaluated[setting].AddRange(SearchEvaluator.Run(request => CardSearcher.Search(index, request), catalogue, test).AllQueries);
                }
            }
        }
        finally
        {
            (CardSearcher.ClassifierWeight, CardSearcher.KeywordPhraseWeight) = original;
        }

        return settings.Select(s => (s.Weight, s.PhraseWeight, SearchEvaluator.Report(evaluated[s]))).ToList();
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Asystent.KnowledgeBase.Intents;

/// <summary>The model's input row.</summary>
internal sealed class IntentInput
{
    public string Text { get; set; } = "";
    public string Label { get; set; } = "";
}

/// <summary>The model's output row: the best label and a probability per label (slot names = labels).</summary>
internal sealed class IntentOutput
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}

/// <summary>
/// Trains the intent model: TF-IDF weighted words (the text carries the folded, lightly stemmed
/// form of every word too, see <see cref="IntentTextNormalizer"/>) plus character trigrams (an
/// inflected language shares few whole words between "odwołać", "odwołuję", "odwołajcie", but many
/// character n-grams), no stop-word removal (ML.NET's Polish list drops "gdzie", "ile", "kiedy",
/// "nie", which carry the intent), then a maximum-entropy classifier whose scores are probabilities.
/// The settings were chosen by 5-fold cross-validation (BENCHMARKS.md lists the variants tried).
/// </summary>
internal static class IntentModelTrainer
{
    // SDCA is deterministic only single-threaded; with a fixed seed the same data gives the same model.
    private const int Seed = 20261123;

    public static MLContext CreateContext() => new(seed: Seed);

    public static ITransformer Train(MLContext ml, IEnumerable<IntentExample> examples)
    {
        var data = ml.Data.LoadFromEnumerable(examples.Select(ToInput));
        return Pipeline(ml).Fit(data);
    }

    public static IntentInput ToInput(IntentExample example) =>
        new() { Text = IntentTextNormalizer.Normalize(example.Text), Label = example.Intent };

    private static EstimatorChain<Microsoft.ML.Transforms.KeyToValueMappingTransformer> Pipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                StopWordsRemoverOptions = null,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(IntentInput.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 1000,
                L2Regularization = 1e-5f,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(IntentOutput.PredictedLabel)));
}

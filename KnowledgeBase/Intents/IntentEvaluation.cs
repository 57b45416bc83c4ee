using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.Intents;

/// <summary>One utterance as the model saw it in an evaluation.</summary>
public sealed record IntentOutcome(IntentExample Example, string Predicted, float Confidence)
{
    public bool Correct => Example.Intent == Predicted;
}

/// <summary>Precision, recall and F1 of one intent.</summary>
public sealed record IntentScore(string Intent, int Support, double Precision, double Recall, double F1);

/// <summary>The figures of one group of outcomes (a language, or all of them).</summary>
public sealed record IntentMetrics(int Count, double Accuracy, double MacroF1, IReadOnlyList<IntentScore> PerIntent, int[,] Confusion)
{
    public static IntentMetrics From(IReadOnlyCollection<IntentOutcome> outcomes)
    {
        var labels = IntentNames.All;
        var confusion = new int[labels.Count, labels.Count];
        foreach (var o in outcomes)
        {
            confusion[Index(o.Example.Intent), Index(o.Predicted)]++;
        }

        var scores = labels.Select((intent, i) =>
        {
            var truePositive = confusion[i, i];
            var predicted = Enumerable.Range(0, labels.Count).Sum(r => confusion[r, i]);
            var actual = Enumerable.Range(0, labels.Count).Sum(c => confusion[i, c]);
            var precision = predicted == 0 ? 0 : truePositive / (double)predicted;
            var recall = actual == 0 ? 0 : truePositive / (double)actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new IntentScore(intent, actual, precision, recall, f1);
        }).ToList();

        var present = scores.Where(s => s.Support > 0).ToList();
        return new IntentMetrics(
            outcomes.Count,
            outcomes.Count == 0 ? 0 : outcomes.Count(o => o.Correct) / (double)outcomes.Count,
            present.Count == 0 ? 0 : present.Average(s => s.F1),
            scores,
            confusion);

        static int Index(string intent)
        {
            for (var i = 0; i < IntentNames.All.Count; i++)
            {
                if (IntentNames.All[i] == intent)
                {
                    return i;
                }
            }

            throw new ArgumentException($"unknown intent '{intent}'", nameof(intent));
        }
    }
}

/// <summary>K-fold cross-validation on the training files and a test on the held-out files.</summary>
public static class IntentEvaluation
{
    public const int Folds = 5;

    /// <summary>
    /// Every utterance is predicted by a model that did not see it. Folds are stratified by intent and
    /// language (each fold gets every fifth utterance of each intent in each language) and fixed, so
    /// the figures are reproducible.
    /// </summary>
    public static IReadOnlyList<IntentOutcome> CrossValidate(IReadOnlyList<IntentExample> examples, int folds = Folds)
    {
        var fold = new Dictionary<IntentExample, int>(ReferenceEqualityComparer.Instance);
        foreach (var group in examples.GroupBy(e => (e.Intent, e.Language)))
        {
            var i = 0;
            foreach (var example in group)
            {
                fold[example] = i++ % folds;
            }
        }

        var outcomes = new List<IntentOutcome>();
        for (var k = 0; k < folds; k++)
        {
            var model = IntentModel.Train(examples.Where(e => fold[e] != k));
            outcomes.AddRange(Predict(model, examples.Where(e => fold[e] == k)));
        }

        return outcomes;
    }

    public static IReadOnlyList<IntentOutcome> Predict(IntentModel model, IEnumerable<IntentExample> examples) =>
        examples.Select(e =>
        {
            var prediction = model.Predict(e.Text);
            return new IntentOutcome(e, prediction.Intent, prediction.Confidence);
        }).ToList();

    public static IReadOnlyDictionary<string, IntentMetrics> ByLanguage(IReadOnlyList<IntentOutcome> outcomes)
    {
        var result = new Dictionary<string, IntentMetrics> { ["all"] = IntentMetrics.From(outcomes) };
        foreach (var language in Languages.Languages.All)
        {
            result[language.Code()] = IntentMetrics.From(outcomes.Where(o => o.Example.Language == language).ToList());
        }

        return result;
    }
}

using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Asystent.KnowledgeBase.Intents;

/// <summary>The model's answer: the best intent, its probability, and the runners-up.</summary>
public sealed record IntentPrediction(string Intent, float Confidence, IReadOnlyList<(string Intent, float Confidence)> Alternatives)
{
    /// <summary>
    /// Below this probability the assistant asks a clarifying question or searches instead of acting.
    /// Measured by confidence band (BENCHMARKS.md): predictions between 0.5 and 0.6 are right only
    /// about half the time, from 0.6 up about nine times in ten, so 0.6 is where acting pays.
    /// </summary>
    public const float ConfidenceThreshold = 0.6f;

    public bool IsConfident => Confidence >= ConfidenceThreshold;
}

/// <summary>
/// A trained intent model ready to predict from many threads. An ML.NET PredictionEngine is not
/// thread-safe, so engines are pooled: each call rents one, uses it and gives it back.
/// </summary>
public sealed class IntentModel
{
    private readonly MLContext ml;
    private readonly ITransformer transformer;
    private readonly ConcurrentBag<PredictionEngine<IntentInput, IntentOutput>> engines = [];
    private readonly string[] labels;

    internal IntentModel(MLContext ml, ITransformer transformer)
    {
        this.ml = ml;
        this.transformer = transformer;
        var engine = CreateEngine();
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema[nameof(IntentOutput.Score)].GetSlotNames(ref names);
        labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        engines.Add(engine);
    }

    public IReadOnlyList<string> Labels => labels;

    public static IntentModel Load(string path)
    {
        var ml = IntentModelTrainer.CreateContext();
        using var stream = File.OpenRead(path);
        return new IntentModel(ml, ml.Model.Load(stream, out _));
    }

    public static IntentModel Train(IEnumerable<IntentExample> examples)
    {
        var ml = IntentModelTrainer.CreateContext();
        return new IntentModel(ml, IntentModelTrainer.Train(ml, examples));
    }

    /// <summary>Writes the model to a temporary file and renames it into place, so readers never see half a file.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        using (var stream = File.Create(temporary))
        {
            ml.Model.Save(transformer, null, stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public IntentPrediction Predict(string text)
    {
        if (!engines.TryTake(out var engine))
        {
            engine = CreateEngine();
        }

        try
        {
            var output = engine.Predict(new IntentInput { Text = IntentTextNormalizer.Normalize(text) });
            var ranked = output.Score
                .Select((score, i) => (Intent: labels[i], Confidence: score))
                .OrderByDescending(x => x.Confidence)
                .ToList();
            return new IntentPrediction(ranked[0].Intent, ranked[0].Confidence, ranked.Skip(1).Take(2).ToList());
        }
        finally
        {
            engines.Add(engine);
        }
    }

    private PredictionEngine<IntentInput, IntentOutput> CreateEngine() =>
        ml.Model.CreatePredictionEngine<IntentInput, IntentOutput>(transformer);
}

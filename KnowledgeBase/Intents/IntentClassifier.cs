using Microsoft.Extensions.Logging;

namespace Asystent.KnowledgeBase.Intents;

/// <summary>
/// The intent model as the rest of the assistant sees it: trains it when missing or older than the
/// utterance files, then serves predictions from any thread.
/// </summary>
public sealed class IntentClassifier(KnowledgeBaseOptions options, ILogger<IntentClassifier> logger)
{
    private IntentModel? model;

    public bool IsReady => Volatile.Read(ref model) is not null;

    public IntentModelManifest? Manifest { get; private set; }

    public void EnsureReady()
    {
        var store = new IntentModelStore(options);
        if (store.IsUpToDate())
        {
            Volatile.Write(ref model, IntentModel.Load(store.ModelPath));
            Manifest = store.Manifest();
            logger.LogInformation("Intent model loaded ({Examples} examples)", Manifest?.Examples);
            return;
        }

        logger.LogInformation("The intent model is missing or older than its training data; training it");
        var (trained, manifest) = store.Train();
        Manifest = manifest;
        Volatile.Write(ref model, trained);
        logger.LogInformation("Intent model trained on {Examples} examples in {Seconds:F1} s", manifest.Examples, manifest.TrainingTime.TotalSeconds);
    }

    public IntentPrediction Predict(string text) =>
        (Volatile.Read(ref model) ?? throw new IntentModelNotReadyException()).Predict(text);
}

/// <summary>Thrown when a prediction is asked for before the model has been loaded or trained.</summary>
public sealed class IntentModelNotReadyException() : InvalidOperationException("The intent model is not ready yet.");

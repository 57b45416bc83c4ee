using System.Diagnostics;
using System.Text.Json;
using Asystent.KnowledgeBase.Search;

namespace Asystent.KnowledgeBase.Intents;

/// <summary>What a saved model was trained from, so it is retrained only when the utterances change.</summary>
public sealed record IntentModelManifest(DateTimeOffset TrainedAt, string SourceHash, int Examples, TimeSpan TrainingTime);

/// <summary>The model folder: intents.zip and its manifest.</summary>
public sealed class IntentModelStore(KnowledgeBaseOptions options)
{
    public const string ModelFileName = "intents.zip";
    public const string ManifestFileName = "intents.manifest.json";

    public string ModelPath => Path.Combine(options.ModelPath, ModelFileName);

    private string ManifestPath => Path.Combine(options.ModelPath, ManifestFileName);

    // The model depends on the utterances and on how text is turned into features.
    public string SourceHash() => IntentTextNormalizer.FeatureVersion + ":" + CardIndexStore.HashSources(options.IntentsPath);

    public IntentModelManifest? Manifest() =>
        File.Exists(ManifestPath) && File.Exists(ModelPath)
            ? JsonSerializer.Deserialize<IntentModelManifest>(File.ReadAllText(ManifestPath))
            : null;

    public bool IsUpToDate() => Manifest()?.SourceHash == SourceHash();

    /// <summary>Trains on every training file and saves the model with its manifest.</summary>
    public (IntentModel Model, IntentModelManifest Manifest) Train()
    {
        var watch = Stopwatch.StartNew();
        var hash = SourceHash();
        var examples = IntentDataSet.LoadTraining(options.IntentsPath);
        var model = IntentModel.Train(examples);
        model.Save(ModelPath);
        var manifest = new IntentModelManifest(DateTimeOffset.UtcNow, hash, examples.Count, watch.Elapsed);
        var temporary = ManifestPath + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, JsonSerializer.Serialize(manifest));
        File.Move(temporary, ManifestPath, overwrite: true);
        return (model, manifest);
    }
}

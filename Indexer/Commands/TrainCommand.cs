using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Intents;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Indexer.Commands;

internal static class TrainCommand
{
    public static int Run(IServiceProvider services, TextWriter output)
    {
        var store = new IntentModelStore(services.GetRequiredService<KnowledgeBaseOptions>());
        output.WriteLine("Training the intent model…");
        var (model, manifest) = store.Train();
        output.WriteLine($"  {manifest.Examples} utterances, {model.Labels.Count} intents, trained in {manifest.TrainingTime.TotalSeconds:F1} s → {store.ModelPath}");
        return ExitCodes.Success;
    }

    /// <summary>Retrains only when the utterance files changed since the saved model.</summary>
    public static int TrainIfStale(IServiceProvider services, TextWriter output)
    {
        var store = new IntentModelStore(services.GetRequiredService<KnowledgeBaseOptions>());
        if (store.IsUpToDate())
        {
            output.WriteLine("Intent model is up to date with its utterances.");
            return ExitCodes.Success;
        }

        return Run(services, output);
    }
}

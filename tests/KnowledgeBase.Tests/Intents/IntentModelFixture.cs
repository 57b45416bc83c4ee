using Asystent.KnowledgeBase.Intents;

[assembly: AssemblyFixture(typeof(Asystent.KnowledgeBase.Tests.Intents.IntentModelFixture))]

namespace Asystent.KnowledgeBase.Tests.Intents;

/// <summary>The intent model trained once from the repository's utterance files.</summary>
public sealed class IntentModelFixture
{
    public IntentModelFixture()
    {
        var root = AssistantRoot.Locate();
        Folder = Path.Combine(root, "content", "intents");
        Training = IntentDataSet.LoadTraining(Folder);
        HeldOut = IntentDataSet.LoadHeldOut(Folder);
        Model = IntentModel.Train(Training);
    }

    public string Folder { get; }
    public IReadOnlyList<IntentExample> Training { get; }
    public IReadOnlyList<IntentExample> HeldOut { get; }
    public IntentModel Model { get; }
}

using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Intents;
using BenchmarkDotNet.Attributes;

namespace Asystent.Benchmarks;

/// <summary>Intent classification plus entity extraction of one message, cycling through all utterances.</summary>
[MemoryDiagnoser]
public class UnderstandingBenchmarks
{
    private IntentModel model = null!;
    private UnitRecognizer units = null!;
    private List<string> messages = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Instance;
        var training = IntentDataSet.LoadTraining(data.Options.IntentsPath);
        model = IntentModel.Train(training);
        units = new UnitRecognizer(data.Demo.Office);
        messages = training.Concat(IntentDataSet.LoadHeldOut(data.Options.IntentsPath)).Select(e => e.Text).ToList();
    }

    [Benchmark(Description = "classify + extract entities of one message")]
    public int Understand()
    {
        var text = messages[next++ % messages.Count];
        var entities = DateTimeRecognizer.Find(text, new DateOnly(2026, 11, 23));
        return model.Predict(text).Intent.Length + entities.Count
            + (CaseNumberRecognizer.Find(text)?.Length ?? 0) + (ContactRecognizer.FindPhone(text)?.Length ?? 0)
            + (ContactRecognizer.FindEmail(text)?.Length ?? 0) + (units.Find(text)?.Length ?? 0) + (Pesel.Contains(text) ? 1 : 0);
    }
}

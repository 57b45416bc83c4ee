using Asystent.KnowledgeBase.Intents;

namespace Asystent.KnowledgeBase.Tests.Intents;

public sealed class IntentModelStoreTests(KnowledgeBaseFixture kb) : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void The_model_is_retrained_only_when_the_utterances_change()
    {
        var utterances = Path.Combine(folder.Path, "intents");
        Directory.CreateDirectory(utterances);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(kb.Root, "content", "intents")))
        {
            File.Copy(file, Path.Combine(utterances, Path.GetFileName(file)));
        }

        var options = kb.TemporaryOptions(folder.Path);
        options.IntentsPath = utterances;
        options.ModelPath = Path.Combine(folder.Path, "model");
        var store = new IntentModelStore(options);

        Assert.False(store.IsUpToDate());
        var (_, manifest) = store.Train();
        Assert.True(store.IsUpToDate());
        Assert.True(File.Exists(store.ModelPath));
        Assert.Equal(manifest.Examples, IntentDataSet.LoadTraining(utterances).Count);

        File.AppendAllText(Path.Combine(utterances, "train-pl.tsv"), "greeting\tdzień dobry, tu nowy przykład\n");
        Assert.False(store.IsUpToDate());
    }

    [Fact]
    public void A_broken_utterance_line_is_reported_with_file_and_line()
    {
        File.WriteAllText(Path.Combine(folder.Path, "train-pl.tsv"), "greeting\tdzień dobry\nno_such_intent\tcoś\n");
        var error = Assert.Throws<InvalidDataException>(() => IntentDataSet.LoadTraining(folder.Path));
        Assert.Contains("train-pl.tsv:2", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}

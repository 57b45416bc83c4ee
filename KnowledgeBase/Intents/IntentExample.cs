using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.Intents;

/// <summary>One labelled utterance from the training or held-out files.</summary>
public sealed record IntentExample(string Text, string Intent, Language Language, string File, int Line);

/// <summary>
/// Reads the utterance files in content/intents: train-{lang}.tsv for training and
/// heldout-{lang}.tsv, the test that is never trained on and was not used to tune the model. Each
/// line is "intent &lt;TAB&gt; utterance"; '#' starts a comment.
/// </summary>
public static class IntentDataSet
{
    public const string TrainingPrefix = "train-";
    public const string HeldOutPrefix = "heldout-";

    public static IReadOnlyList<IntentExample> LoadTraining(string folder) => Load(folder, TrainingPrefix);

    public static IReadOnlyList<IntentExample> LoadHeldOut(string folder) => Load(folder, HeldOutPrefix);

    private static List<IntentExample> Load(string folder, string prefix)
    {
        var examples = new List<IntentExample>();
        foreach (var file in Directory.EnumerateFiles(folder, prefix + "*.tsv").Order(StringComparer.Ordinal))
        {
            var code = Path.GetFileNameWithoutExtension(file)[prefix.Length..];
            if (!Languages.Languages.TryParse(code, out var language))
            {
                throw new InvalidDataException($"{file}: the file name must end in a language code (pl, en, uk, ru)");
            }

            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
                {
                    continue;
                }

                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                var intent = tab > 0 ? line[..tab].Trim() : "";
                if (tab < 0 || !IntentNames.All.Contains(intent) || string.IsNullOrWhiteSpace(line[(tab + 1)..]))
                {
                    throw new InvalidDataException($"{file}:{lineNumber}: expected 'intent<TAB>utterance' with a known intent, got '{line}'");
                }

                examples.Add(new IntentExample(line[(tab + 1)..].Trim(), intent, language, file, lineNumber));
            }
        }

        return examples;
    }
}

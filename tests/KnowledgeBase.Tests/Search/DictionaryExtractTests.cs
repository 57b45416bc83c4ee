using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Analyzers;
using Lucene.Net.Index;

namespace Asystent.KnowledgeBase.Tests.Search;

/// <summary>The dictionary extracts a generation carries, with their affix files cut to the rules their entries fit.</summary>
public sealed partial class DictionaryExtractTests(KnowledgeBaseFixture kb) : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void Trimmed_affix_files_give_every_word_the_stems_of_the_whole_affix_files()
    {
        var options = kb.TemporaryOptions(folder.Path);
        new CardIndexBuilder(kb.Dictionaries).Build(options);
        var generation = new CardIndexStore(options.IndexPath).CurrentGenerationPath()!;
        var whole = Path.Combine(folder.Path, "whole");
        using (var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(generation, "lucene")))
        using (var reader = DirectoryReader.Open(directory))
        {
            DictionaryExtract.Write(reader, options.DictionariesPath, whole, trimAffixes: false);
        }

        var trimmedFolder = Path.Combine(generation, DictionaryExtract.FolderName);
        var wholeFolder = Path.Combine(whole, DictionaryExtract.FolderName);
        foreach (var package in new[] { "dictionary-pl", "dictionary-uk" })
        {
            var trimmedRules = File.ReadLines(Path.Combine(trimmedFolder, package, "index.aff")).Count(l => l.StartsWith("SFX", StringComparison.Ordinal));
            var wholeRules = File.ReadLines(Path.Combine(wholeFolder, package, "index.aff")).Count(l => l.StartsWith("SFX", StringComparison.Ordinal));
            Assert.True(trimmedRules < wholeRules * 3 / 4, $"{package}: {trimmedRules} of {wholeRules} suffix lines kept");
        }

        var trimmed = HunspellDictionaries.Load(trimmedFolder);
        var full = HunspellDictionaries.Load(wholeFolder);
        var words = Words().ToList();
        Assert.True(words.Count > 5_000);
        foreach (var word in words)
        {
            Assert.Equal(full.PolishStems.Known(word), trimmed.PolishStems.Known(word));
            Assert.Equal(full.UkrainianStems.Known(word), trimmed.UkrainianStems.Known(word));
        }
    }

    // Every word of the cards in every language and of the questions residents and the team wrote.
    private IEnumerable<string> Words()
    {
        var texts = Directory.EnumerateFiles(kb.Options.CardsPath, "*.yaml")
            .Concat(Directory.EnumerateFiles(kb.Options.EvaluationPath, "*.tsv").Where(f => !f.Contains("heldout", StringComparison.Ordinal)))
            .Select(File.ReadAllText);
        return texts.SelectMany(t => Word().Matches(t.ToLowerInvariant()).Select(m => m.Value)).Distinct(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    public void Dispose() => folder.Dispose();
}

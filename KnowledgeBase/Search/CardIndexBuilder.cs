using System.Diagnostics;
using Asystent.KnowledgeBase.Evaluation;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.Search.Ranking;
using Asystent.KnowledgeBase.Search.Morphology;
using Asystent.KnowledgeBase.ServiceCards;
using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Asystent.KnowledgeBase.Search;

/// <summary>The outcome of a build: the manifest when it succeeded, the problems that stopped it otherwise.</summary>
public sealed record IndexBuildResult(IndexManifest? Manifest, IReadOnlyList<CardProblem> Problems)
{
    public bool Succeeded => Manifest is not null;
}

/// <summary>Validates the cards and builds a new index generation from them.</summary>
public sealed class CardIndexBuilder(HunspellDictionaries dictionaries)
{
    /// <summary>The generation's folder for the Polish morphology setting, its data files and the folded-form map.</summary>
    public const string MorphologyFolderName = "morphology";

    public IndexBuildResult Build(KnowledgeBaseOptions options, IProgress<string>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var loaded = CardLoader.Load(options.CardsPath);
        if (loaded.HasErrors)
        {
            return new IndexBuildResult(null, loaded.Problems);
        }

        progress?.Report($"validated {loaded.Catalogue.Cards.Count} cards in {watch.ElapsedMilliseconds} ms");
        var vocabulary = SearchVocabulary.Load(options.VocabularyPath);
        var store = new CardIndexStore(options.IndexPath);
        var sourceHash = CardIndexStore.HashSources(options);
        var morphology = PolishMorphologyData.Load(options);
        var generation = store.NewGenerationPath();
        try
        {
            CopyFolder(options.CardsPath, Path.Combine(generation, "cards"));
            CopyFolder(options.VocabularyPath, Path.Combine(generation, "vocabulary"));
            using (var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(generation, "lucene")))
            {
                var polish = Write(directory, loaded.Catalogue, vocabulary, morphology, progress);
                using var reader = DirectoryReader.Open(directory);
                DictionaryExtract.Write(reader, options.DictionariesPath, generation);
                var morphologyFolder = Path.Combine(generation, MorphologyFolderName);
                PolishMorphologyData.Record(options, morphologyFolder);
                polish.Folded?.Save(Path.Combine(morphologyFolder, FoldedLemmaMap.FileName));
            }

            if (loaded.Catalogue.Cards.Count <= CardClassifier.MaxCards)
            {
                var classifierWatch = Stopwatch.StartNew();
                CardClassifier.Train(loaded.Catalogue, EvaluationSet.TrainingQuestions(options)).Save(Path.Combine(generation, CardClassifier.FileName));
                progress?.Report($"card classifier trained in {classifierWatch.ElapsedMilliseconds} ms");
            }

            var manifest = new IndexManifest(Path.GetFileName(generation), DateTimeOffset.UtcNow, sourceHash, loaded.Catalogue.Cards.Count, watch.Elapsed);
            store.Publish(generation, manifest);
            progress?.Report($"index {manifest.Generation} in service ({manifest.CardCount} cards, {watch.ElapsedMilliseconds} ms)");
            return new IndexBuildResult(manifest, loaded.Problems);
        }
        catch
        {
            CardIndexStore.Discard(generation);
            throw;
        }
    }

    /// <summary>
    /// Indexes a catalogue into any Lucene directory (a folder, or RAM in tests and benchmarks) and
    /// returns the Polish morphology to query it with. With Morfologik, the cards' Polish fields are
    /// first analysed without the folded-form map, to learn which lemmas they contain; the map keeps only those.
    /// </summary>
    internal PolishMorphology Write(LuceneDirectory directory, CardCatalogue catalogue, SearchVocabulary vocabulary, PolishMorphologyData morphology, IProgress<string>? progress = null)
    {
        FoldedLemmaMap? folded = null;
        if (morphology.Morfologik is not null)
        {
            var watch = Stopwatch.StartNew();
            var terms = PolishTerms(catalogue, vocabulary, new PolishMorphology(morphology, dictionaries.PolishStems, folded: null));
            folded = FoldedLemmaMap.Build(morphology.Morfologik, terms);
            progress?.Report($"folded-form map: {folded.Count} forms of {terms.Count} Polish terms in {watch.ElapsedMilliseconds} ms");
        }

        var polish = new PolishMorphology(morphology, dictionaries.PolishStems, folded);
        Write(directory, catalogue, vocabulary, polish, progress);
        return polish;
    }

    private void Write(LuceneDirectory directory, CardCatalogue catalogue, SearchVocabulary vocabulary, PolishMorphology polish, IProgress<string>? progress)
    {
        using var analyzers = new AnalyzerSet(dictionaries, vocabulary, polish);
        var config = new IndexWriterConfig(AnalyzerSet.Version, analyzers.Indexing)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = CardIndex.CreateSimilarity(),
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);
        var count = 0;
        foreach (var card in catalogue.Cards)
        {
            writer.AddDocument(CardDocumentMapper.ToDocument(card, catalogue.Office));
            if (++count % 5000 == 0)
            {
                progress?.Report($"indexed {count} of {catalogue.Cards.Count} cards");
            }
        }

        // One segment per generation: the index never changes after the build, and a single
        // segment makes every term lookup at query time a single seek.
        writer.ForceMerge(1);
        writer.Commit();
    }

    // The terms the Polish fields of the index will hold, analysed as the index would analyse them.
    private HashSet<string> PolishTerms(CardCatalogue catalogue, SearchVocabulary vocabulary, PolishMorphology polish)
    {
        using var analyzers = new AnalyzerSet(dictionaries, vocabulary, polish);
        var analyzer = analyzers.For(Languages.Language.Pl);
        var fields = new HashSet<string>(StringComparer.Ordinal)
        {
            SearchFields.Title(Languages.Language.Pl),
            SearchFields.Keywords(Languages.Language.Pl),
            SearchFields.Summary(Languages.Language.Pl),
            SearchFields.Body(Languages.Language.Pl),
        };
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var card in catalogue.Cards)
        {
            foreach (var field in CardDocumentMapper.ToDocument(card, catalogue.Office).Fields)
            {
                if (fields.Contains(field.Name) && field.GetStringValue() is { } text)
                {
                    terms.UnionWith(AnalyzerSet.Terms(analyzer, text));
                }
            }
        }

        return terms;
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}

/// <summary>In-memory indexes for tests, evaluations and benchmarks: same analysis, no files.</summary>
internal static class InMemoryCardIndex
{
    /// <summary>The index alone, or with the card classifier trained on the cards and <paramref name="questions"/> (as a build does).</summary>
    public static CardIndex Build(CardCatalogue catalogue, SearchVocabulary vocabulary, HunspellDictionaries dictionaries, PolishMorphologyData morphology, IEnumerable<CardExample>? questions = null) =>
        Build(catalogue, vocabulary, dictionaries, morphology, questions is null || catalogue.Cards.Count > CardClassifier.MaxCards ? null : CardClassifier.Train(catalogue, questions));

    public static CardIndex Build(CardCatalogue catalogue, SearchVocabulary vocabulary, HunspellDictionaries dictionaries, PolishMorphologyData morphology, CardClassifier? classifier)
    {
        var directory = new Lucene.Net.Store.RAMDirectory();
        var polish = new CardIndexBuilder(dictionaries).Write(directory, catalogue, vocabulary, morphology);
        return new CardIndex(directory, catalogue, vocabulary, dictionaries, polish, "in-memory", classifier);
    }
}

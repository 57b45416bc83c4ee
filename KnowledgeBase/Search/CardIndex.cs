using System.Collections.Concurrent;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.Search.Ranking;
using Asystent.KnowledgeBase.Search.Morphology;
using Asystent.KnowledgeBase.Search.Scoring;
using Asystent.KnowledgeBase.ServiceCards;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// One built index generation opened for searching, with everything that must match it: the cards it
/// was built from, their vocabulary and analyzers, and a language detector trained on those cards.
/// A generation never changes after it is built, so one reader and searcher serve all threads.
/// </summary>
public sealed class CardIndex : IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly DirectoryReader reader;
    // Bounded, since typos make the set of asked terms open-ended; a term beyond the bound is read per search.
    private const int MaxCachedTerms = 200_000;
    private const int MaxCachedPostings = 4_000_000;

    private readonly ConcurrentDictionary<(string Field, string Text), TermPostings?> postings = new();
    private readonly ConcurrentDictionary<string, FieldLengths> fieldLengths = new(StringComparer.Ordinal);
    private readonly CardSimilarity similarity = new();
    private int cachedPostings;
    private int cachedTerms;
    private readonly string[] cardIds;
    private int leases = 1;

    internal CardIndex(LuceneDirectory directory, CardCatalogue catalogue, SearchVocabulary vocabulary, HunspellDictionaries dictionaries, PolishMorphology polish, string generation,
        CardClassifier? classifier = null)
    {
        Classifier = classifier;
        this.directory = directory;
        Catalogue = catalogue;
        Generation = generation;
        Analyzers = new AnalyzerSet(dictionaries, vocabulary, polish);
        Synonyms = new SynonymExpander(vocabulary.Synonyms);
        descriptions = new CardDescriptions.PerLanguage(catalogue, Analyzers);
        // The language model and the typo lookup are each built from scratch for every generation;
        // they share nothing, so on two cores they are built side by side (start-up, issue 18).
        LanguageDetector? detector = null;
        TypoCorrector? typos = null;
        reader = DirectoryReader.Open(directory);
        SideBySide(
            () => detector = LanguageDetector.Train(TrainingTexts(catalogue)),
            () => typos = new TypoCorrector(reader, SearchFields.LightHead, SearchFields.LightText));
        Detector = detector!;
        Typos = typos!;
        Searcher = new IndexSearcher(reader) { Similarity = similarity };
        cardIds = ReadCardIds(reader);
        docOfCard = new Dictionary<string, int>(cardIds.Length, StringComparer.Ordinal);
        for (var doc = 0; doc < cardIds.Length; doc++)
        {
            docOfCard[cardIds[doc]] = doc;
        }
    }

    private readonly Dictionary<string, int> docOfCard;
    private readonly CardDescriptions.PerLanguage descriptions;

    /// <summary>What each card is described by in a language (for telling close cards apart).</summary>
    public CardDescriptions Descriptions(Language language) => descriptions.For(language);

    /// <summary>The learned signal fused with BM25, or null (a large catalogue, or one built without it).</summary>
    public CardClassifier? Classifier { get; }

    /// <summary>The document that holds a card of this generation.</summary>
    internal int DocOf(string cardId) => docOfCard[cardId];

    public string Generation { get; }
    public CardCatalogue Catalogue { get; }
    public AnalyzerSet Analyzers { get; }
    public SynonymExpander Synonyms { get; }
    public LanguageDetector Detector { get; }
    internal IndexSearcher Searcher { get; }
    internal TypoCorrector Typos { get; }
    internal IndexReader Reader => reader;

    /// <summary>
    /// A term's postings and BM25 figures, read once per generation: they never change and are only
    /// read by the queries that use them, so every thread can share them. Null when no card holds the term.
    /// </summary>
    internal TermPostings? Postings(string field, string text)
    {
        // Keyed by strings: a Lucene term (with its UTF-8 bytes) is made only when the index is read.
        if (postings.TryGetValue((field, text), out var known))
        {
            return known;
        }

        var lengths = fieldLengths.GetOrAdd(field, f => FieldLengths.Read(reader, f, Searcher.CollectionStatistics(f), similarity));
        var read = TermPostings.Read(reader, new Term(field, text), lengths, similarity);
        var size = read?.Count ?? 0;
        if (Volatile.Read(ref cachedTerms) < MaxCachedTerms && Volatile.Read(ref cachedPostings) + size <= MaxCachedPostings && postings.TryAdd((field, text), read))
        {
            Interlocked.Increment(ref cachedTerms);
            Interlocked.Add(ref cachedPostings, size);
        }

        return read;
    }

    /// <summary>The id of the card a document of this generation holds (read once, not from stored fields per hit).</summary>
    internal string CardIdOf(int doc) => cardIds[doc];

    private static string[] ReadCardIds(IndexReader reader)
    {
        var fields = new HashSet<string> { SearchFields.Id };
        var ids = new string[reader.MaxDoc];
        for (var doc = 0; doc < ids.Length; doc++)
        {
            ids[doc] = reader.Document(doc, fields).Get(SearchFields.Id);
        }

        return ids;
    }

    /// <summary>
    /// Opens a published generation with the dictionary extracts, the Polish morphology setting and
    /// files, and the folded-form map written beside it (all fast to load).
    /// </summary>
    public static CardIndex Open(string generationPath)
    {
        // The dictionaries, the cards and the classifier's model are separate files and each takes a
        // good part of the opening (JIT and parsing, issue 18), so they are read side by side.
        HunspellDictionaries? dictionaries = null;
        CardCatalogue? catalogue = null;
        CardClassifier? classifier = null;
        var classifierPath = Path.Combine(generationPath, CardClassifier.FileName);
        SideBySide(
            () => dictionaries = HunspellDictionaries.Load(Path.Combine(generationPath, DictionaryExtract.FolderName)),
            () => catalogue = CardLoader.LoadValidated(Path.Combine(generationPath, "cards")),
            () => classifier = File.Exists(classifierPath) ? CardClassifier.Load(classifierPath) : null);
        var morphologyFolder = Path.Combine(generationPath, CardIndexBuilder.MorphologyFolderName);
        var morphology = PolishMorphologyData.LoadRecorded(morphologyFolder);
        var foldedPath = Path.Combine(morphologyFolder, FoldedLemmaMap.FileName);
        var folded = File.Exists(foldedPath) ? FoldedLemmaMap.Load(foldedPath) : null;
        var polish = new PolishMorphology(morphology, dictionaries!.PolishStems, folded);
        var vocabulary = SearchVocabulary.Load(Path.Combine(generationPath, "vocabulary"));
        var directory = ReadOnlyMemoryDirectory.Load(Path.Combine(generationPath, "lucene"));
        return new CardIndex(directory, catalogue!, vocabulary, dictionaries, polish, Path.GetFileName(generationPath), classifier);
    }

    // Parallel.Invoke wraps what fails in an AggregateException; callers expect the failure itself (the
    // index poll keeps the generation in service on an IOException), so the first one is rethrown.
    private static void SideBySide(params Action[] actions)
    {
        try
        {
            Parallel.Invoke(actions);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    internal static Similarity CreateSimilarity() => new CardSimilarity();

    /// <summary>Takes a lease so a concurrent swap cannot close the reader mid-search.</summary>
    internal bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref leases);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref leases, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref leases) == 0)
        {
            reader.Dispose();
            directory.Dispose();
            Analyzers.Dispose();
        }
    }

    /// <summary>Retires the generation: it closes once the last search using it has finished.</summary>
    public void Dispose() => Release();

    private static IEnumerable<(Language, string)> TrainingTexts(CardCatalogue catalogue)
    {
        foreach (var card in catalogue.Cards)
        {
            foreach (var language in Languages.Languages.All)
            {
                var parts = new List<string?> { card.Title.In(language), card.Summary.In(language) };
                parts.AddRange(card.Steps.In(language) ?? []);
                parts.AddRange(card.Documents.In(language) ?? []);
                parts.AddRange(card.Keywords.In(language) ?? []);
                yield return (language, string.Join(' ', parts.Where(p => p is not null)));
            }
        }
    }
}

using System.Collections.Concurrent;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;
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
    private const int MaxTermLookups = 200_000;

    private readonly ConcurrentDictionary<Term, TermContext?> termLookups = new();
    private int leases = 1;

    internal CardIndex(LuceneDirectory directory, CardCatalogue catalogue, SearchVocabulary vocabulary, HunspellDictionaries dictionaries, string generation)
    {
        this.directory = directory;
        Catalogue = catalogue;
        Generation = generation;
        Analyzers = new AnalyzerSet(dictionaries, vocabulary);
        Synonyms = new SynonymExpander(vocabulary.Synonyms);
        Detector = LanguageDetector.Train(TrainingTexts(catalogue));
        reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(reader) { Similarity = CreateSimilarity() };
        Typos = new TypoCorrector(reader, SearchFields.LightHead, SearchFields.LightText);
    }

    public string Generation { get; }
    public CardCatalogue Catalogue { get; }
    public AnalyzerSet Analyzers { get; }
    public SynonymExpander Synonyms { get; }
    public LanguageDetector Detector { get; }
    internal IndexSearcher Searcher { get; }
    internal TypoCorrector Typos { get; }
    internal IndexReader Reader => reader;

    /// <summary>
    /// Looks a term up once per generation: the lookup (document frequency and where its postings
    /// are) never changes and is only read by the queries that use it, so every thread can share it.
    /// Null when the index does not hold the term. Bounded, since typos make the set of asked terms open-ended.
    /// </summary>
    internal TermContext? Lookup(Term term)
    {
        if (termLookups.TryGetValue(term, out var known))
        {
            return known;
        }

        var context = TermContext.Build(reader.Context, term);
        var found = context.DocFreq > 0 ? context : null;
        if (termLookups.Count < MaxTermLookups)
        {
            termLookups.TryAdd(term, found);
        }

        return found;
    }

    /// <summary>Opens a published generation with the dictionary extracts written beside it (fast to load).</summary>
    public static CardIndex Open(string generationPath)
    {
        var dictionaries = HunspellDictionaries.Load(Path.Combine(generationPath, DictionaryExtract.FolderName));
        var catalogue = CardLoader.Load(Path.Combine(generationPath, "cards")).Catalogue;
        var vocabulary = SearchVocabulary.Load(Path.Combine(generationPath, "vocabulary"));
        var directory = ReadOnlyMemoryDirectory.Load(Path.Combine(generationPath, "lucene"));
        return new CardIndex(directory, catalogue, vocabulary, dictionaries, Path.GetFileName(generationPath));
    }

    /// <summary>BM25 suits short fields of very different lengths (a title against a list of documents).</summary>
    internal static Similarity CreateSimilarity() => new BM25Similarity(1.2f, 0.6f);

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

using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Morphology;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// One analyzer per language plus the folded "light" analyzer, shared by indexing and querying so
/// that both sides always agree. Lucene analyzers are thread-safe (token streams are reused per thread).
/// </summary>
/// <remarks>
/// Polish: the configured morphology (<see cref="PolishMorphology"/>: Hunspell, Stempel, Morfologik or a
/// combination) stems the inflected word ("samochodu" → "samochód") and only then are the Polish
/// letters folded, so that a query typed without them ("samochod") meets the folded stem. Hunspell runs
/// with longestOnly off: with it on, "prawa" stems only to "prawy" and misses "prawo (jazdy)".
/// </remarks>
public sealed class AnalyzerSet : IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Dictionary<Language, Analyzer> byLanguage;

    // Residents' questions repeat the same words all day ("prawo", "jazdy", "samochód"), and a word's
    // terms never change for a set of analyzers: each word is analysed once. Bounded, since typos are endless.
    private readonly BoundedMemo<(Analyzer Analyzer, string Word), string[]> wordTerms = new(100_000);

    public AnalyzerSet(HunspellDictionaries dictionaries, SearchVocabulary vocabulary, PolishMorphology polish)
    {
        ArgumentNullException.ThrowIfNull(polish);
        Polish = polish;
        var stop = vocabulary.StopWords.ToDictionary(kv => kv.Key, kv => new CharArraySet(Version, kv.Value.ToList(), true));
        stop[Language.En].UnionWith(EnglishAnalyzer.DefaultStopSet);
        stop[Language.Ru].UnionWith(RussianAnalyzer.DefaultStopSet);
        var officeWords = BuildOfficeWords(vocabulary);
        var allStop = new CharArraySet(Version, 512, true);
        foreach (var set in stop.Values)
        {
            foreach (var word in set)
            {
                allStop.Add(Fold(word.ToCharArray()));
            }
        }

        byLanguage = new Dictionary<Language, Analyzer>
        {
            [Language.Pl] = Analyzer.NewAnonymous((_, reader) =>
            {
                var source = new StandardTokenizer(Version, reader);
                TokenStream stream = new LowerCaseFilter(Version, source);
                stream = new StopFilter(Version, stream, stop[Language.Pl]);
                stream = new StemmerOverrideFilter(stream, officeWords);
                stream = new CachedStemFilter(stream, polish.Stems);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(stream));
            }),
            [Language.Uk] = Analyzer.NewAnonymous((_, reader) =>
            {
                var source = new StandardTokenizer(Version, reader);
                TokenStream stream = new LowerCaseFilter(Version, source);
                stream = new StopFilter(Version, stream, stop[Language.Uk]);
                stream = new CachedStemFilter(stream, dictionaries.UkrainianStems.Stems);
                stream = new CyrillicNormalizationFilter(stream);
                return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(stream));
            }),
            [Language.Ru] = Analyzer.NewAnonymous((_, reader) =>
            {
                var source = new StandardTokenizer(Version, reader);
                TokenStream stream = new LowerCaseFilter(Version, source);
                stream = new CyrillicNormalizationFilter(stream);
                stream = new StopFilter(Version, stream, stop[Language.Ru]);
                return new TokenStreamComponents(source, new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer()));
            }),
            [Language.En] = Analyzer.NewAnonymous((_, reader) =>
            {
                var source = new StandardTokenizer(Version, reader);
                TokenStream stream = new EnglishPossessiveFilter(Version, source);
                stream = new LowerCaseFilter(Version, stream);
                stream = new StopFilter(Version, stream, stop[Language.En]);
                return new TokenStreamComponents(source, new PorterStemFilter(stream));
            }),
        };

        Light = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new CyrillicNormalizationFilter(stream);
            stream = new StopFilter(Version, stream, allStop);
            return new TokenStreamComponents(source, new LightStemFilter(stream));
        });

        var perField = new Dictionary<string, Analyzer>
        {
            [SearchFields.LightHead] = Light,
            [SearchFields.LightText] = Light,
        };
        foreach (var (language, analyzer) in byLanguage)
        {
            perField[SearchFields.Title(language)] = analyzer;
            perField[SearchFields.Keywords(language)] = analyzer;
            perField[SearchFields.Summary(language)] = analyzer;
            perField[SearchFields.Body(language)] = analyzer;
        }

        Indexing = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }

    /// <summary>The Polish stemming this set's Polish analyzer uses.</summary>
    public PolishMorphology Polish { get; }

    /// <summary>Folded, lightly stemmed analysis used for the recall fields and typo tolerance.</summary>
    public Analyzer Light { get; }

    /// <summary>Routes each index field to its analyzer.</summary>
    public Analyzer Indexing { get; }

    public Analyzer For(Language language) => byLanguage[language];

    /// <summary>The terms one of this set's analyzers makes of a single word, analysed once and then remembered.</summary>
    public string[] WordTerms(Analyzer analyzer, string word) =>
        wordTerms.Get((analyzer, word), key => Terms(key.Analyzer, key.Word).ToArray());

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> and returns the terms in order.</summary>
    public static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    public void Dispose()
    {
        Indexing.Dispose();
        Light.Dispose();
        foreach (var analyzer in byLanguage.Values)
        {
            analyzer.Dispose();
        }
    }

    private static StemmerOverrideFilter.StemmerOverrideMap BuildOfficeWords(SearchVocabulary vocabulary)
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: true);
        foreach (var (lemma, forms) in vocabulary.OfficeWords)
        {
            builder.Add(lemma, lemma);
            foreach (var form in forms)
            {
                builder.Add(form, lemma);
            }
        }

        return builder.Build();
    }

    private static string Fold(char[] word)
    {
        var output = new char[word.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(word, 0, output, 0, word.Length);
        return new string(output, 0, length);
    }
}

using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.Search.Scoring;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Search;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// Builds the Lucene query for a resident's question. Each word becomes a "best field" disjunction
/// over every field it can match, and the words are summed, so a card matching more of the question
/// wins, and a word matching both title and body counts once (mostly) rather than twice.
/// </summary>
internal sealed class CardQueryBuilder(CardIndex index)
{
    // Title and keywords say what a card is about; a summary often mentions neighbouring matters,
    // and the body lists documents that many cards share ("dowód osobisty").
    private static readonly (Func<Language, string> Field, float Boost)[] LanguageFields =
    [
        (SearchFields.Title, 4f),
        (SearchFields.Keywords, 4f),
        (SearchFields.Summary, 1.5f),
        (SearchFields.Body, 0.6f),
    ];

    // The other language of the same script still counts a little: a word may be the same in both
    // ("паспорт"), and telling Polish from English or Ukrainian from Russian in two words can fail.
    // Other scripts are left to the folded fields, which hold every language.
    private const float SiblingLanguageWeight = 0.3f;

    // The folded fields catch what Hunspell cannot (no Polish letters, unknown inflections, typos);
    // they weigh less than an exact stem so that a clean query keeps its precise ranking.
    private const float LightHeadBoost = 2.2f;
    private const float LightTextBoost = 0.5f;
    private const float FuzzyWeight = 0.6f;

    // Polish office words written in Cyrillic ("мельдунек", "карта побиту") are spelled back the
    // Polish way and matched against the Polish fields, a little below a word of the question's own language.
    private const float TransliterationWeight = 0.8f;

    // Synonym expansions are the office's words for what the resident said; they count, but less
    // than the resident's own words. The weight is shared by the words of one expansion, so that a
    // one-word slang term ("машину") never outweighs the rest of the question by expanding into
    // several office words ("транспортний засіб").
    private const float SynonymWeight = 0.7f;

    // Splits text into lower-case words the way the field analyzers do, with no stemming.
    private static readonly Lucene.Net.Analysis.Analyzer WordSplitter = Lucene.Net.Analysis.Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new Lucene.Net.Analysis.Standard.StandardTokenizer(AnalyzerSet.Version, reader);
        return new Lucene.Net.Analysis.TokenStreamComponents(source, new LowerCaseFilter(AnalyzerSet.Version, source));
    });

    public CardQuery Build(string text, Language language)
    {
        var query = new BooleanQuery();
        var contentWords = 0;
        var ownWords = new List<DisjunctionMaxQuery>();
        foreach (var word in Words(text))
        {
            var clause = WordQuery(word, language, 1f, out var meaningful);
            if (meaningful)
            {
                contentWords++;
            }

            if (clause is not null)
            {
                query.Add(clause, Occur.SHOULD);
                ownWords.Add(clause);
            }
        }

        var expansions = new List<IReadOnlyList<DisjunctionMaxQuery>>();
        foreach (var (meaning, meaningLanguage) in index.Synonyms.Expand(text))
        {
            var words = Words(meaning);
            var clauses = new List<DisjunctionMaxQuery>();
            foreach (var word in words)
            {
                if (WordQuery(word, meaningLanguage, SynonymWeight / words.Count, out _) is { } clause)
                {
                    query.Add(clause, Occur.SHOULD);
                    clauses.Add(clause);
                }
            }

            expansions.Add(clauses);
        }

        return new CardQuery(query, contentWords, ownWords, expansions);
    }

    internal static List<string> Words(string text) => AnalyzerSet.Terms(WordSplitter, text);

    /// <summary>The word's clause, or null when no card holds any of its terms; <paramref name="meaningful"/> is false for a stop word.</summary>
    private DisjunctionMaxQuery? WordQuery(string word, Language language, float weight, out bool meaningful)
    {
        var primaryTerms = index.Analyzers.WordTerms(index.Analyzers.For(language), word);
        var lightTerms = index.Analyzers.WordTerms(index.Analyzers.Light, word);
        meaningful = primaryTerms.Length > 0 && lightTerms.Length > 0;
        if (primaryTerms.Length == 0 && lightTerms.Length == 0)
        {
            return null; // a stop word such as "gdzie" or "the"
        }

        var disjunction = new DisjunctionMaxQuery(0.1f);
        foreach (var (fieldLanguage, languageWeight) in new[] { (language, 1f), (Sibling(language), SiblingLanguageWeight) })
        {
            var terms = fieldLanguage == language ? primaryTerms : index.Analyzers.WordTerms(index.Analyzers.For(fieldLanguage), word);
            foreach (var (field, boost) in LanguageFields)
            {
                foreach (var term in terms)
                {
                    AddTerm(disjunction, field(fieldLanguage), term, boost * languageWeight * weight);
                }
            }
        }

        AddLightTerms(disjunction, lightTerms, weight);
        if (CyrillicToPolish.HasCyrillic(word))
        {
            // The first spelling is the letter-by-letter one; the others spell Polish sounds as they are
            // heard ("ужонд" → "urząd"). Only terms the cards hold count, and only the first spelling
            // is also tried as a typo, so the other spellings add no guesses.
            var translitWeight = TransliterationWeight * weight;
            var spellings = CyrillicToPolish.Spellings(word, language);
            for (var i = 0; i < spellings.Count; i++)
            {
                foreach (var term in index.Analyzers.WordTerms(index.Analyzers.For(Language.Pl), spellings[i]))
                {
                    AddTerm(disjunction, SearchFields.Title(Language.Pl), term, LanguageFields[0].Boost * translitWeight);
                    AddTerm(disjunction, SearchFields.Keywords(Language.Pl), term, LanguageFields[1].Boost * translitWeight);
                }

                AddLightTerms(disjunction, index.Analyzers.WordTerms(index.Analyzers.Light, spellings[i]), translitWeight, typos: i == 0);
            }
        }

        return disjunction.Disjuncts.Count > 0 ? disjunction : null;
    }

    private void AddLightTerms(DisjunctionMaxQuery disjunction, string[] lightTerms, float weight, bool typos = true)
    {
        foreach (var term in lightTerms)
        {
            AddTerm(disjunction, SearchFields.LightHead, term, LightHeadBoost * weight);
            AddTerm(disjunction, SearchFields.LightText, term, LightTextBoost * weight);
            if (!typos)
            {
                continue;
            }

            // A word the index does not know is most likely a typo ("paszpot", "rejestarcja").
            foreach (var suggestion in index.Typos.Suggest(term))
            {
                AddTerm(disjunction, SearchFields.LightHead, suggestion, LightHeadBoost * FuzzyWeight * weight);
                AddTerm(disjunction, SearchFields.LightText, suggestion, LightTextBoost * FuzzyWeight * weight);
            }
        }
    }

    private static Language Sibling(Language language) => language switch
    {
        Language.Pl => Language.En,
        Language.En => Language.Pl,
        Language.Uk => Language.Ru,
        _ => Language.Uk,
    };

    // Terms absent from the index add no clause; present ones are scored from postings read once per generation.
    private void AddTerm(DisjunctionMaxQuery disjunction, string field, string text, float boost)
    {
        if (index.Postings(field, text) is { } postings)
        {
            disjunction.Add(new PostingsTermQuery(postings) { Boost = boost });
        }
    }
}

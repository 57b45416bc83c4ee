using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Search.Analyzers;

/// <summary>
/// The office's own word lists, kept as YAML next to the cards so staff can extend them:
/// stop words, forms of office words the Hunspell dictionary lacks, and colloquial synonyms.
/// </summary>
public sealed class SearchVocabulary
{
    public const string StopWordsFile = "stopwords.yaml";
    public const string OfficeWordsFile = "office-words.yaml";
    public const string SynonymsFile = "synonyms.yaml";

    public required IReadOnlyDictionary<Language, IReadOnlyList<string>> StopWords { get; init; }

    /// <summary>Lemma → inflected forms, for words Hunspell does not know ("wyrys" → "wyrysu", "wyrysów").</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> OfficeWords { get; init; }

    public required IReadOnlyList<SynonymRule> Synonyms { get; init; }

    public static SearchVocabulary Load(string folder)
    {
        var stop = CardFileReader.Read<Dictionary<string, List<string>>>(Path.Combine(folder, StopWordsFile));
        var office = CardFileReader.Read<Dictionary<string, List<string>>>(Path.Combine(folder, OfficeWordsFile));
        var synonyms = CardFileReader.Read<List<SynonymRule>>(Path.Combine(folder, SynonymsFile));
        return new SearchVocabulary
        {
            StopWords = Languages.Languages.All.ToDictionary(
                l => l,
                l => (IReadOnlyList<string>)(stop.TryGetValue(l.Code(), out var words) ? words : [])),
            OfficeWords = office.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value),
            Synonyms = synonyms,
        };
    }
}

/// <summary>"When a query says any of <see cref="Terms"/>, it also means <see cref="Means"/>."</summary>
public sealed class SynonymRule
{
    public List<string> Terms { get; set; } = [];
    public string Means { get; set; } = "";

    /// <summary>The language <see cref="Means"/> is written in; Polish when not given.</summary>
    public string Lang { get; set; } = "pl";
}

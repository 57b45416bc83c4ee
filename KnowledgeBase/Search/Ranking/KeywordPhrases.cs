using System.Collections.Frozen;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Search.Ranking;

/// <summary>
/// The cards' keywords of two or more meaningful words ("stamp in my passport", "польська віза",
/// "kara za brak oc"), each word as its folded light stems. A question that holds every word of such a
/// keyword names the card's matter the way people name it, which single shared words do not: BM25 and
/// the classifier weigh "passport" or "family" alone, so a long story about a visa and one's family can
/// put a family card above the residence card whose keyword it contains whole. The fusion gives such a
/// card a small bonus (cross-validated on the development questions: BENCHMARKS.md, issue 20).
/// </summary>
internal sealed class KeywordPhrases
{
    // Per card, its phrases; per phrase, per word, the light terms any of which stands for the word.
    private readonly FrozenDictionary<string, string[][][]> phrases;

    private KeywordPhrases(FrozenDictionary<string, string[][][]> phrases) => this.phrases = phrases;

    public static KeywordPhrases Build(CardCatalogue catalogue, AnalyzerSet analyzers)
    {
        var byCard = new Dictionary<string, string[][][]>(StringComparer.Ordinal);
        foreach (var card in catalogue.Cards)
        {
            var cardPhrases = new List<string[][]>();
            foreach (var language in Languages.Languages.All)
            {
                foreach (var keyword in card.Keywords.In(language) ?? [])
                {
                    var words = CardQueryBuilder.Words(keyword)
                        .Select(w => analyzers.WordTerms(analyzers.Light, w))
                        .Where(terms => terms.Length > 0)
                        .ToArray();
                    if (words.Length >= 2)
                    {
                        cardPhrases.Add(words);
                    }
                }
            }

            byCard[card.Id] = [.. cardPhrases];
        }

        return new KeywordPhrases(byCard.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The light terms of a question's words, to test the phrases against.</summary>
    public static HashSet<string> QuestionTerms(AnalyzerSet analyzers, string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in CardQueryBuilder.Words(text))
        {
            terms.UnionWith(analyzers.WordTerms(analyzers.Light, word));
        }

        return terms;
    }

    /// <summary>Whether the question holds every word of one of the card's keywords of two or more words.</summary>
    public bool Contains(string cardId, HashSet<string> questionTerms) =>
        phrases.TryGetValue(cardId, out var cardPhrases)
        && cardPhrases.Any(phrase => phrase.All(word => word.Any(questionTerms.Contains)));
}

using System.Collections.Concurrent;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// What each card of a generation is described by, as the search compares words: the analysed terms
/// of its title, keywords and summary in one language (and in Polish, which people mix in), with how
/// many cards share each term. Close cards are told apart by the terms only one of them holds
/// ("z Niemiec" is the imported car's, "z salonu" the new one's), and a rare term tells more than a
/// common one. Built once per generation and language, on first use.
/// </summary>
public sealed class CardDescriptions
{
    private readonly Dictionary<string, HashSet<string>> terms;
    private readonly Dictionary<string, int> cardsWith = new(StringComparer.Ordinal);

    private CardDescriptions(CardCatalogue catalogue, AnalyzerSet analyzers, Language language)
    {
        var analyzer = analyzers.For(language);
        var described = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var card in catalogue.Cards)
        {
            var texts = new[] { language, Language.Pl }.Distinct()
                .SelectMany(l => (card.Keywords.In(l) ?? []).Append(card.Title.In(l) ?? "").Append(card.Summary.In(l) ?? ""));
            var set = texts.SelectMany(t => AnalyzerSet.Terms(analyzer, t)).ToHashSet(StringComparer.Ordinal);
            described[card.Id] = set;
            foreach (var term in set)
            {
                cardsWith[term] = cardsWith.GetValueOrDefault(term) + 1;
            }
        }

        terms = described;
        CardCount = Math.Max(1, described.Count);
    }

    public int CardCount { get; }

    /// <summary>The terms a card is described by; empty for a card this generation does not hold.</summary>
    public IReadOnlySet<string> Of(string cardId) => terms.TryGetValue(cardId, out var set) ? set : Empty;

    /// <summary>How much a term tells about a card that holds it: rarer across the catalogue, more (inverse document frequency).</summary>
    public double Weight(string term) => Math.Log((double)CardCount / Math.Max(1, cardsWith.GetValueOrDefault(term)));

    private static readonly HashSet<string> Empty = [];

    /// <summary>One generation's descriptions, per language, made on first use.</summary>
    internal sealed class PerLanguage(CardCatalogue catalogue, AnalyzerSet analyzers)
    {
        private readonly ConcurrentDictionary<Language, Lazy<CardDescriptions>> byLanguage = new();

        public CardDescriptions For(Language language) =>
            byLanguage.GetOrAdd(language, l => new Lazy<CardDescriptions>(() => new CardDescriptions(catalogue, analyzers, l))).Value;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.Understanding;

namespace Asystent.Bot.Conversation;

/// <summary>
/// Cards offered to choose from, and the person's answer: a title (a button sent back), a number or
/// an ordinal ("2", "the first one", "друге"), or a few words that tell the cards apart ("z Niemiec",
/// "zgubione"), read by searching and keeping the best-ranked offered card.
/// </summary>
internal static partial class Choice
{
    // Cards scoring within this share of the best one are a real alternative: ask instead of guessing.
    private const float AmbiguityRatio = 0.85f;

    // An answer to a choice is short; a longer message is a new question.
    private const int MaxAnswerWords = 6;

    private const int ResultsSearched = 10;

    private const int FamilySearched = 15;
    private const int MaxFamily = 7;

    // A sibling scoring at least this share of the best card belongs to the question.
    private const float FamilyRatio = 0.3f;

    /// <summary>The cards to offer when the best is not clearly ahead (all the good ones, so the right one is among them); empty otherwise.</summary>
    public static IReadOnlyList<SearchHit> Close(IReadOnlyList<SearchHit> best) =>
        best.Count > 1 && best[1].Score >= best[0].Score * AmbiguityRatio ? best : [];

    /// <summary>
    /// The close card the question's own words point to, when they do: the first card's title holds
    /// more of them than any other's ("gdzie odbiorę gotowy dowód rejestracyjny" names "Odbiór gotowego
    /// dowodu rejestracyjnego"), or the question states the fact that tells one card from its siblings
    /// ("kupiłem auto w Niemczech" – only the imported car's description speaks of Germany). A question
    /// that already says which matter it is needs no question back.
    /// </summary>
    public static SearchHit? Distinguished(IReadOnlyList<SearchHit> close, string text, Language language, CardSearchService search)
    {
        var asked = search.Terms(text, language);
        return ByTitle(close, asked, language, search)
            ?? (Telling(close.Select(c => c.Id).ToList(), asked, search.Descriptions(language)) is { } told ? close.First(c => c.Id == told) : null);
    }

    /// <summary>
    /// The card a question means among its results: the first when it is clearly ahead (or a sibling a
    /// little behind whose telling fact the question states), the close card its words tell apart, or
    /// null when they tell none.
    /// </summary>
    public static SearchHit? Meant(IReadOnlyList<SearchHit> results, string text, Language language, CardSearchService search) =>
        Close(results) is { Count: > 1 } close ? Distinguished(close, text, language, search) : TellingAmongNear(results, text, language, search) ?? results[0];

    private static SearchHit? ByTitle(IReadOnlyList<SearchHit> close, IReadOnlySet<string> asked, Language language, CardSearchService search)
    {
        var catalogue = search.Catalogue;
        int Shared(SearchHit hit) => search.Terms(catalogue.Find(hit.Id)?.Title.Best(language) ?? hit.Title, language).Count(asked.Contains);

        var first = Shared(close[0]);
        return first > 0 && close.Skip(1).All(c => Shared(c) < first) ? close[0] : null;
    }

    /// <summary>
    /// Of the cards near the first (within <see cref="NearRatio"/> of its score), the one whose
    /// telling fact the question states, if exactly one is told; null when the question tells none.
    /// </summary>
    public static SearchHit? TellingAmongNear(IReadOnlyList<SearchHit> best, string text, Language language, CardSearchService search)
    {
        var near = best.Where(r => r.Score >= best[0].Score * NearRatio).ToList();
        return near.Count > 1 && Telling(near.Select(r => r.Id).ToList(), search.Terms(text, language), search.Descriptions(language)) is { } told
            ? near.First(r => r.Id == told)
            : null;
    }

    private const float NearRatio = 0.75f;

    // The asked terms only one close card is described by, weighed by their rarity: the card whose
    // weight leads every other's by this factor is the one meant.
    private const double TellingLead = 2.0;

    private static string? Telling(IReadOnlyList<string> cards, IReadOnlySet<string> asked, CardDescriptions described)
    {
        var weights = cards.Select(id => asked
            .Where(term => described.Of(id).Contains(term) && cards.All(other => other == id || !described.Of(other).Contains(term)))
            .Sum(described.Weight)).ToList();
        var lead = weights.IndexOf(weights.Max());
        return weights[lead] > 0 && weights.Where((_, i) => i != lead).All(w => w * TellingLead <= weights[lead]) ? cards[lead] : null;
    }

    /// <summary>
    /// Close cards of one unit are a family (the car bought here, abroad, new; the licence first,
    /// exchanged, lost…): the whole family is offered, so the person can say which is theirs.
    /// </summary>
    public static IReadOnlyList<SearchHit> Family(IReadOnlyList<SearchHit> close, string text, Language language, CardSearchService search)
    {
        var unit = close[0].UnitCode;
        if (close.Any(c => c.UnitCode != unit))
        {
            return close;
        }

        // Siblings whose titles are most about the question's words come first ("prawo jazdy": the
        // international licence, before the candidate profile whose long title merely mentions it).
        var asked = search.Terms(text, language);
        var catalogue = search.Catalogue;
        double TitleShare(SearchHit hit)
        {
            var title = search.Terms(catalogue.Find(hit.Id)?.Title.Best(language) ?? hit.Title, language);
            return title.Count == 0 ? 0 : title.Count(asked.Contains) / (double)title.Count;
        }

        var wider = search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(text), language, FamilySearched)).Results
            .Where(r => r.UnitCode == unit && r.Kind == CardKind.Service && r.Score >= close[0].Score * FamilyRatio && close.All(c => c.Id != r.Id))
            .OrderByDescending(TitleShare)
            .ThenByDescending(r => r.Score);
        return close.Concat(wider).Take(MaxFamily).ToList();
    }

    /// <summary>The offered card a message names ("the licence one"): the best-ranked offered card among the first its words find.</summary>
    public static string? Named(string text, Language language, IReadOnlyList<string> choices, CardSearchService search) =>
        search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(text), language, NamedSearched)).Results.FirstOrDefault(r => choices.Contains(r.Id))?.Id;

    private const int NamedSearched = 3;

    /// <summary>The offered card a reply names by its title, number or ordinal.</summary>
    public static string? Picked(string text, IReadOnlyList<string> choices, CardCatalogue catalogue)
    {
        var trimmed = text.Trim().TrimEnd('.', '!');
        if (choices.FirstOrDefault(id => catalogue.Find(id)?.Title.Values.Any(t => string.Equals(t, trimmed, StringComparison.OrdinalIgnoreCase)) == true) is { } titled)
        {
            return titled;
        }

        var number = Number().Match(trimmed) is { Success: true } n ? int.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture)
            : Ordinal(TextFolding.Fold(trimmed));
        return number is >= 1 && number <= choices.Count ? choices[number.Value - 1] : null;
    }

    /// <summary>The offered card a few words point to, unless they clearly ask about another matter.</summary>
    public static string? ByWords(string text, Language language, IReadOnlyList<string> choices, CardSearchService search)
    {
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxAnswerWords)
        {
            return null;
        }

        var found = search.Search(new SearchRequest(text, language, ResultsSearched));
        if (found.Results is not [var first, ..])
        {
            return null;
        }

        if (choices.Contains(first.Id))
        {
            return first.Id;
        }

        // "загубив" after "which of these?" answers it: of the offered cards, only the lost licence's
        // description holds that word, even if another card outside the offer ranks first.
        if (Telling(choices, search.Terms(text, language), search.Descriptions(language)) is { } told)
        {
            return told;
        }

        // A confident card outside the offer is a new subject ("a paszport?"), not an answer.
        return found.Answerable && first.Score >= MessageInterpreter.ServiceMinScore
            ? null
            : found.Results.FirstOrDefault(r => choices.Contains(r.Id))?.Id;
    }

    private static int? Ordinal(string folded) =>
        First().IsMatch(folded) ? 1 : Second().IsMatch(folded) ? 2 : Third().IsMatch(folded) ? 3 : null;

    [GeneratedRegex(@"^(?:nr|no\.?|№|#)?\s*([1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:to |the |ta |ten )?(?:pierwsz\w*|first(?: one)?|перш\w*|перв\w*)$")]
    private static partial Regex First();

    [GeneratedRegex(@"^(?:to |the |ta |ten )?(?:drug\w*|second(?: one)?|друг\w*|втор\w*)$")]
    private static partial Regex Second();

    [GeneratedRegex(@"^(?:to |the |ta |ten )?(?:trzec\w*|third(?: one)?|трет\w*)$")]
    private static partial Regex Third();
}

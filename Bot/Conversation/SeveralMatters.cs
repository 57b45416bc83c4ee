using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Understanding;

namespace Asystent.Bot.Conversation;

/// <summary>
/// Several matters in one message ("zgubiłem portfel z dowodem i prawem jazdy", "I need to register
/// my car and renew my licence"): the message is cut at its conjunctions, each part that names a
/// matter on its own (two meaningful words or more, a confident card) is searched, and two or more
/// different cards mean two or more matters. A story with one matter ("kupiłem auto w Niemczech i
/// nie wiem, gdzie je zarejestrować") stays one: its second part names no matter by itself.
/// </summary>
internal static partial class SeveralMatters
{
    private const int MaxMatters = 3;
    private const int WholeMessageCards = 6;
    private const int MinContentWords = 1;

    // A matter of its own scores at least this share of the whole message's first card.
    private const float MatterShare = 0.5f;

    private const int PartCards = 5;

    // A part this short ("i prawem jazdy") continues the first part's verb ("zgubiłem …").
    private const int BareWords = 3;

    public static IReadOnlyList<string> Find(string text, Language language, SearchHit best, CardSearchService search)
    {
        var parts = Conjunction().Split(text).Select(p => p.Trim(' ', ',', '.', '?', '!')).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2)
        {
            return [];
        }

        // Each matter must also be among the whole message's best cards, nearly as strong as the first: a
        // part read alone ("co jest potrzebne", "prawo do zwrotu") can find a card the message as a
        // whole is not about, and a story names things ("portfel, dowód, telefon") that are not its matters.
        var results = search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(text), language, WholeMessageCards)).Results;
        if (results.Count == 0)
        {
            return [];
        }

        var whole = results.Where(r => r.Score >= results[0].Score * MatterShare).Select(r => r.Id).ToHashSet();
        var lead = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var cards = new List<string>();
        foreach (var part in parts)
        {
            // A part that points back ("gdzie je zarejestrować", "how much is it") goes on with the same matter.
            if (part != parts[0] && PointsBack().IsMatch(part))
            {
                continue;
            }

            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            // A part that only asks about the matter ("ile to kosztuje", "jakie informacje zawiera") names none of its own.
            var query = FollowUp.Remainder(words <= BareWords && part != parts[0] ? $"{lead} {part}" : part);
            if (query.Length == 0)
            {
                continue;
            }

            var found = search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(query), language, PartCards));
            if (!found.Answerable || found.ContentWords < MinContentWords || found.Results is not [{ Score: >= MessageInterpreter.ServiceMinScore }, ..])
            {
                continue;
            }

            // A part names one matter clearly, or states the fact that tells close cards apart ("zgubiłem
            // … prawem jazdy": the lost licence); one that fits several ("gdzie je zarejestrować") is part of the story.
            var hit = Choice.Meant(found.Results, query, language, search);
            if (hit is not null && whole.Contains(hit.Id) && !cards.Contains(hit.Id))
            {
                cards.Add(hit.Id);
            }
        }

        // The whole message's best card leads when it is one of the matters.
        if (cards.Count > 1 && cards.Remove(best.Id))
        {
            cards.Insert(0, best.Id);
        }

        return cards.Count > 1 ? cards.Take(MaxMatters).ToList() : [];
    }

    // Pronouns standing for a matter already named; "там"/"there" ("там були права") is where, not what.
    [GeneratedRegex(@"(?<!\p{L})(?:je|go|ją|ja|to|tego|it|its|them|його|її|це|цього|его|её|ее|это|этого)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex PointsBack();

    [GeneratedRegex(@"\s(?:i|oraz|a także|a takze|and|also|plus|і|й|та|а також|и|а также)\s|[,;]\s", RegexOptions.IgnoreCase)]
    private static partial Regex Conjunction();
}

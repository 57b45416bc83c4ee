using System.Globalization;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.Understanding;

namespace Asystent.Bot.Conversation;

/// <summary>
/// Matters answered from the cards: one card, several matters in one message, a question that tells
/// close cards apart, another office's matter instead of a booking, or "I don't know" with the
/// information desk.
/// </summary>
public sealed partial class AssistantBot
{
    /// <summary>The card a follow-up names besides the part it asks about ("a ile kosztuje paszport?"), if any.</summary>
    private string? NamedBesidesAspect(string text, Language language, ServiceCard discussed)
    {
        // What is left must name a matter clearly: "jakie papiery zabrać?" leaves "jakie zabrać", which names none;
        // and words the discussed matter is described by stay with it ("a jak długo czeka się na nowy?" after a lost certificate).
        var remainder = FollowUp.Remainder(text);
        var restTerms = search.Terms(remainder, language);
        if (restTerms.Count > 0 && restTerms.All(search.Descriptions(language).Of(discussed.Id).Contains))
        {
            return null;
        }

        var found = search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(remainder), language, 2));
        return found.Answerable && found.ContentWords > 0 && found.Results is [{ Score: >= MessageInterpreter.ServiceMinScore } named, ..] rest
            && (rest.Count < 2 || rest[1].Score < named.Score * ClearLead) ? named.Id : null;
    }

    private bool NamesMatter(string text, Language language) => Named(text, language) is not null;

    /// <summary>The card words name with confidence, if any.</summary>
    private string? Named(string text, Language language)
    {
        var found = search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(text), language, 1));
        return found.Answerable && found.Results is [{ Score: >= MessageInterpreter.ServiceMinScore } named, ..] ? named.Id : null;
    }

    /// <summary>
    /// The cards a booking request names once the nouns of a visit ("wizytę", "appointment", "визит")
    /// are set aside: they say nothing of the matter and only pull cards that mention visits. When the
    /// words left do not find a card with confidence on their own ("экзамен по вождению"), the whole
    /// message's cards serve, as long as the words left without any booking word say something. Empty
    /// when no matter is named.
    /// </summary>
    private IReadOnlyList<SearchHit> BookingMatter(string text, Language language, MessageUnderstanding understood)
    {
        // Without every word of booking ("я хочу записатися на прийом" leaves "я хочу") nothing may be left.
        var bare = search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(FollowUp.WithoutBookingWords(text)), language, 1));
        if (bare.ContentWords == 0 || bare.Results is not [{ Score: >= MessageInterpreter.ServiceMinScore }, ..])
        {
            return [];
        }

        var rest = search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(FollowUp.WithoutVisitWords(text)), language, MessageInterpreter.CardsConsidered));

        var cards = rest.Answerable ? rest.Results : understood.CardsAnswer ? understood.Cards : [];
        return cards is [{ Score: >= MessageInterpreter.ServiceMinScore }, ..] ? cards : [];
    }

    /// <summary>
    /// The other office's matter a booking request names, if any: another office's card that leads,
    /// or all but ties with the lead, means the visit is not booked here.
    /// </summary>
    private static string? ElsewhereMatter(IReadOnlyList<SearchHit> cards) =>
        cards is [var top, ..]
            ? top.Kind == CardKind.Redirect ? top.Id : cards.FirstOrDefault(r => r.Kind == CardKind.Redirect && r.Score >= top.Score * ElsewhereTie)?.Id
            : null;

    /// <summary>A matter answered from the cards: one card, several matters in one message, or a question that tells close cards apart.</summary>
    private void AnswerMatter(Turn turn, SearchResponse found, IntentPrediction intent)
    {
        var (text, language) = (turn.Text, turn.Language);
        // A card found only through a word it happens to share is not an answer: say so, and where to ask.
        var best = found.Answerable ? found.Results.Where(r => r.Score >= MessageInterpreter.ServiceMinScore).ToList() : [];
        // A message that goes on from the last answer ("a póki co mogę jeździć?") keeps to the discussed matter where nothing else answers it clearly.
        var discussed = FollowUp.GoesOn(text) ? Current(turn) : null;
        if (best.Count == 0 && discussed is not null && !(intent.IsConfident && intent.Intent == IntentNames.OutOfScope))
        {
            // Nothing answers it apart, but the discussed card may: it is shown with a word that it is
            // all there is, not an "I don't know".
            turn.Say(string.Format(CultureInfo.InvariantCulture, Phrases.Get("about_discussed", language), discussed.Title.Best(language)));
            AnswerCard(turn, discussed.Id);
            return;
        }

        if (best.Count == 0)
        {
            turn.Notes.NoAnswer(text);
            if (intent.IsConfident && intent.Intent == IntentNames.OutOfScope)
            {
                Misunderstood(turn, "out_of_scope");
            }
            else
            {
                Misunderstood(turn, text: NoAnswer(language));
            }

            return;
        }

        if (SeveralMatters.Find(text, language, best[0], search) is { Count: > 1 } matters)
        {
            AnswerMatters(turn, matters);
            return;
        }

        if (Choice.Close(best) is { Count: > 1 } close)
        {
            if (discussed is not null && close.Any(c => c.Id == discussed.Id))
            {
                AnswerCard(turn, discussed.Id);
                return;
            }

            if (Choice.Distinguished(close, text, language, search) is { } named)
            {
                AnswerCard(turn, named.Id);
                return;
            }

            OfferChoices(turn, Choice.Family(close, text, language, search));
            return;
        }

        // A lead is not the last word when the question states the fact of a sibling a little behind
        // ("zgubiłem prawo jazdy": the lost licence, though the foreign one scores higher on "prawo jazdy").
        AnswerCard(turn, (Choice.TellingAmongNear(best, text, language, search) ?? best[0]).Id);
    }

    /// <summary>Several matters in one message: each briefly (where, what it costs), with a button for each in full.</summary>
    private void AnswerMatters(Turn turn, IReadOnlyList<string> ids)
    {
        var language = turn.Language;
        var catalogue = search.Catalogue;
        var cards = ids.Select(catalogue.Find).OfType<ServiceCard>().ToList();
        var parts = cards.Select((card, i) => $"{i + 1}. {CardAnswer.Brief(card, catalogue, language)}");
        var text = string.Format(CultureInfo.InvariantCulture, Phrases.Get("several_matters", language), cards.Count) + "\n\n" + string.Join("\n\n", parts);
        var actions = cards.Select(c => Replies.ImBack(c.Title.Best(language))).Concat(Replies.Actions(language).Actions).ToList();
        turn.Notes.Offered(cards.Select(c => c.Id).ToList(), TurnKinds.Matters);
        turn.State = turn.State with { CardId = cards[0].Id, Choices = cards.Select(c => c.Id).ToList(), Misunderstandings = 0 };
        turn.Say(text, new SuggestedActions { Actions = actions });
    }

    /// <summary>Cards too close to call: asked by their titles, numbered so "2" or words from a title answer it.</summary>
    private void OfferChoices(Turn turn, IReadOnlyList<SearchHit> close)
    {
        var language = turn.Language;
        var catalogue = search.Catalogue;
        var titles = close.Select(r => catalogue.Find(r.Id)?.Title.Best(language) ?? r.Title).ToList();
        // Close cards of one unit are siblings of one family (the car, the licence): the question says they differ.
        var siblings = close.Select(r => r.UnitCode).Distinct().Count() == 1;
        var lead = Phrases.Get(siblings ? "which_of_these" : "did_you_mean", language);
        var text = lead + "\n\n" + string.Join("\n", titles.Select((t, i) => $"{i + 1}. {t}"));
        var actions = titles.Select(Replies.ImBack).Concat(Replies.Actions(language).Actions).ToList();
        turn.Notes.Offered(close.Select(r => r.Id).ToList(), siblings ? TurnKinds.Clarify : TurnKinds.Choices);
        turn.State = turn.State with { Choices = close.Select(r => r.Id).ToList(), Misunderstandings = 0 };
        turn.Say(text, new SuggestedActions { Actions = actions });
    }

    /// <summary>
    /// A card answer: on channels that render Adaptive Cards, a short lead (what and where today) and
    /// the card; elsewhere the whole answer as plain text.
    /// </summary>
    private void AnswerCard(Turn turn, string id)
    {
        var catalogue = search.Catalogue;
        if (catalogue.Find(id) is not { } card)
        {
            Misunderstood(turn);
            return;
        }

        var language = turn.Language;
        turn.Notes.Answered(card.Id, card.Redirect is null ? TurnKinds.Card : TurnKinds.OtherOffice);
        var (text, adaptiveCard) = answers.Get(card, catalogue, language, OfficeNow(), turn.Rich);
        var message = Replies.Message(text, language, Replies.CardActions(card, language));
        if (adaptiveCard is not null)
        {
            message.Attachments = [adaptiveCard];
        }

        turn.Send([message]);
        turn.State = turn.State with { CardId = id, Choices = null, Misunderstandings = 0 };
    }
}

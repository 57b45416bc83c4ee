using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;

namespace Asystent.KnowledgeBase.Understanding;

/// <summary>
/// What the assistant understood from one message. <see cref="Text"/> is the message as read: without
/// the greeting it opens with, when it carries more than a greeting. <see cref="Cards"/> holds the best cards for the
/// message (empty for conversational intents), so the conversation need not search again, and
/// <see cref="CardsAnswer"/> whether the first of them answers it (the search's answerable judgement).
/// </summary>
public sealed record MessageUnderstanding(string Text, Language Language, IntentPrediction Intent, RecognizedEntities Entities, IReadOnlyList<SearchHit> Cards, bool CardsAnswer = false);

/// <summary>
/// Reads a resident's message: its language, what they want (the intent model) and the particulars
/// (case number, date and time, service, unit, phone, e-mail). The service is the knowledge base's
/// best card when the search is clear about it.
/// </summary>
public sealed class MessageInterpreter(CardSearchService search, IntentClassifier intents, KnowledgeBaseOptions options, TimeProvider clock)
{
    // Below this BM25 score the best card shares only a common word with the message; above it the
    // message names the matter (measured on the search evaluation set: right first answers score
    // well above 12, unrelated chatter below 8).
    public const float ServiceMinScore = 12f;

    /// <summary>How many cards a message is compared with (enough for a "did you mean A, B or C?").</summary>
    public const int CardsConsidered = 3;

    private static readonly HashSet<string> ConversationalIntents =
    [
        IntentNames.Greeting, IntentNames.Thanks, IntentNames.Goodbye, IntentNames.Help, IntentNames.OutOfScope,
    ];

    private readonly TimeZoneInfo officeTime = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    private UnitRecognizer? units;
    private string? unitsGeneration;

    public MessageUnderstanding Interpret(string text, Language? language = null)
    {
        var detected = language ?? search.DetectLanguage(text);
        var intent = intents.Predict(text);
        // "Dzień dobry, kupiłem auto w Niemczech, co teraz?" is a question with a greeting: the question
        // is what is read, and the greeting's words only add noise to the search.
        var matter = GreetingOpening.CarriesMore(text) ? GreetingOpening.Without(text) : text;
        if (intent.Intent == IntentNames.Greeting && matter != text)
        {
            intent = intents.Predict(matter);
        }
        var values = new Dictionary<string, string>();

        if (CaseNumberRecognizer.Find(text) is { } caseNumber)
        {
            values[RecognizedEntities.CaseNumber] = caseNumber;
        }

        if (ContactRecognizer.FindEmail(text) is { } email)
        {
            values[RecognizedEntities.Email] = email;
        }

        if (ContactRecognizer.FindPhone(text) is { } phone)
        {
            values[RecognizedEntities.Phone] = phone;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), officeTime).DateTime);
        foreach (var (name, value) in DateTimeRecognizer.Find(text, today))
        {
            values[name] = value;
        }

        string? serviceUnit = null;
        IReadOnlyList<SearchHit> cards = [];
        var cardsAnswer = false;
        if (!ConversationalIntents.Contains(intent.Intent))
        {
            var found = search.Search(new SearchRequest(IntentTextNormalizer.StripParticulars(matter), detected, CardsConsidered));
            (cards, cardsAnswer) = (found.Results, found.Answerable);
            if (!values.ContainsKey(RecognizedEntities.CaseNumber) && cardsAnswer && FindService(cards, intent.Intent) is { } service)
            {
                values[RecognizedEntities.Service] = service.Id;
                serviceUnit = service.UnitCode;
            }
        }

        // A case number starts with the symbol of the unit that handles it ("KT.5410…").
        var caseUnit = values.TryGetValue(RecognizedEntities.CaseNumber, out var number)
            ? search.Catalogue.Office.FindUnit(number[..number.IndexOf('.', StringComparison.Ordinal)])?.Code
            : null;
        if ((Units().Find(text) ?? caseUnit ?? serviceUnit) is { } unit)
        {
            values[RecognizedEntities.Unit] = unit;
        }

        return new MessageUnderstanding(matter, detected, intent, new RecognizedEntities(values, Pesel.Contains(text)), cards, cardsAnswer);
    }

    // A visit can only be booked for a card with a booking queue; other intents take the best card.
    private SearchHit? FindService(IReadOnlyList<SearchHit> cards, string intent)
    {
        var bookingOnly = intent is IntentNames.BookAppointment or IntentNames.CancelAppointment;
        var catalogue = search.Catalogue;
        return cards
            .Take(bookingOnly ? cards.Count : 1)
            .Where(hit => hit.Score >= ServiceMinScore)
            .FirstOrDefault(hit => !bookingOnly || catalogue.Find(hit.Id)?.BookingQueue is not null);
    }

    // Units come from the office file of the index generation in service; rebuilt when it changes.
    private UnitRecognizer Units()
    {
        var generation = search.Generation;
        if (units is null || unitsGeneration != generation)
        {
            units = new UnitRecognizer(search.Catalogue.Office);
            unitsGeneration = generation;
        }

        return units;
    }
}

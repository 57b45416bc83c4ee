using System.Collections.Concurrent;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Bot.Conversation;

/// <summary>
/// The assistant's replies as activities, shared by every dialogue: a message in the person's
/// language, and the buttons that follow answers (details, the list to keep, booking, another
/// question, a person).
/// </summary>
public static class Replies
{
    internal static CardAction ImBack(string title) => new() { Type = "imBack", Title = title, Value = JsonSerializer.SerializeToElement(title) };

    /// <summary>What a person may want next after a card: details, the list to keep, booking (when the unit books visits), another question, a person.</summary>
    internal static SuggestedActions CardActions(ServiceCard card, Language language) =>
        StandardActions(card.Redirect is not null ? AnotherOrPersonKeys : card.BookingQueue is null ? CardKeys : BookableCardKeys, language);

    internal static SuggestedActions Actions(Language language) => StandardActions(AnotherOrPersonKeys, language);

    private static readonly string[] AnotherOrPersonKeys = ["another", "talk_to_person"];
    private static readonly string[] CardKeys = ["details", "checklist", "another", "talk_to_person"];
    private static readonly string[] BookableCardKeys = ["details", "checklist", "book_visit", "another", "talk_to_person"];

    // The same few button rows follow most answers: made once per language and shared (a reply's
    // actions are never changed after it is made).
    private static readonly ConcurrentDictionary<(string[] Keys, Language Language), SuggestedActions> ActionRows = new();

    private static SuggestedActions StandardActions(string[] keys, Language language) =>
        ActionRows.GetOrAdd((keys, language), static row => new SuggestedActions { Actions = row.Keys.Select(key => ImBack(Phrases.Get(key, row.Language))).ToList() });

    internal static Activity Message(string text, Language language, SuggestedActions? actions = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "markdown",
        Locale = language.Code(),
        InputHint = "acceptingInput",
        SuggestedActions = actions,
    };
}

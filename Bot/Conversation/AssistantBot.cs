using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Understanding;

namespace Asystent.Bot.Conversation;

/// <summary>
/// The assistant's side of a conversation, independent of the channel: it reads a message, decides
/// what the person needs and answers in their language. Conversational intents get short replies;
/// everything else is answered from the best service card, or with a polite refusal.
/// </summary>
public sealed class AssistantBot(MessageInterpreter interpreter, CardSearchService search, KnowledgeBaseOptions options, TimeProvider clock)
{
    private const int MaxMessageLength = 500;

    // The conversation's language: the language of its first messages, kept until the person switches.
    private readonly ConcurrentDictionary<string, Language> languages = new(StringComparer.Ordinal);
    private readonly TimeZoneInfo officeTime = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public Task<IReadOnlyList<Activity>> OnTurnAsync(Activity incoming, string conversationId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Activity> replies = incoming.Type switch
        {
            ActivityTypes.ConversationUpdate when incoming.MembersAdded?.Any(m => m.Role != "bot" && m.Id != "asystent") == true =>
                [Message(Phrases.Get("welcome", LanguageOf(conversationId, incoming.Locale)), LanguageOf(conversationId, incoming.Locale), withActions: false)],
            ActivityTypes.Message => Answer(incoming, conversationId),
            _ => [],
        };
        return Task.FromResult(replies);
    }

    public Activity Apology(Activity incoming) => Message(Phrases.Get("apology", Hint(incoming.Locale) ?? Language.Pl), Hint(incoming.Locale) ?? Language.Pl, withActions: true);

    private List<Activity> Answer(Activity incoming, string conversationId)
    {
        var text = (incoming.Text ?? TextOf(incoming.Value))?.Trim();
        var known = languages.TryGetValue(conversationId, out var current) ? current : Hint(incoming.Locale) ?? Language.Pl;
        if (string.IsNullOrEmpty(text))
        {
            return [Message(Phrases.Get("not_understood", known), known, withActions: true)];
        }

        if (text.Length > MaxMessageLength)
        {
            return [Message(Phrases.Get("too_long", known), known, withActions: false)];
        }

        // A suggested action comes back as its own title; answer it directly.
        switch (Phrases.KeyOf(text, "another", "talk_to_person"))
        {
            case "another":
                return [Message(Phrases.Get("ask_next", known), known, withActions: false)];
            case "talk_to_person":
                return [Message(Person(known), known, withActions: false)];
        }

        var understood = interpreter.Interpret(text);
        // A few words are often ambiguous between languages; the conversation's language wins unless
        // the message is clearly in another script or long enough to tell.
        var language = languages.ContainsKey(conversationId) && text.Split(' ').Length < 3 && SameScript(understood.Language, known)
            ? known
            : understood.Language;
        languages[conversationId] = language;

        var intent = understood.Intent;
        var reply = intent.Intent switch
        {
            IntentNames.Greeting when intent.IsConfident => Phrases.Get("welcome", language),
            IntentNames.Help when intent.IsConfident => Phrases.Get("help", language),
            IntentNames.Thanks when intent.IsConfident => Phrases.Get("thanks", language),
            IntentNames.Goodbye when intent.IsConfident => Phrases.Get("goodbye", language),
            IntentNames.HumanHandoff when intent.IsConfident => Person(language),
            IntentNames.OfficeHours when intent.IsConfident => FromCard(understood.Entities[KnowledgeBase.Entities.RecognizedEntities.Service] ?? "godziny-i-kontakt", language),
            IntentNames.Complaint when intent.IsConfident => FromCard("skargi-i-wnioski", language),
            IntentNames.OutOfScope when intent.IsConfident => Phrases.Get("out_of_scope", language),
            _ => understood.Entities[KnowledgeBase.Entities.RecognizedEntities.Service] is { } service
                ? FromCard(service, language)
                : Phrases.Get(intent.IsConfident ? "out_of_scope" : "not_understood", language),
        };

        return [Message(reply, language, withActions: true)];
    }

    private string FromCard(string id, Language language)
    {
        var catalogue = search.Catalogue;
        return catalogue.Find(id) is { } card
            ? CardAnswer.Write(card, catalogue, language, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), officeTime))
            : Phrases.Get("not_understood", language);
    }

    private string Person(Language language)
    {
        var desk = search.Catalogue.Office.FindUnit("BOM");
        var hours = desk is null ? "" : string.Join(", ", desk.Hours.Select(h => $"{h.Key} {h.Value}"));
        return string.Format(CultureInfo.InvariantCulture, Phrases.Get("person", language), desk?.Phone ?? search.Catalogue.Office.Phone, hours);
    }

    private Language LanguageOf(string conversationId, string? locale) =>
        languages.TryGetValue(conversationId, out var language) ? language : languages[conversationId] = Hint(locale) ?? Language.Pl;

    private static Language? Hint(string? locale) =>
        locale is { Length: >= 2 } && Languages.TryParse(locale[..2], out var language) ? language : null;

    private static bool SameScript(Language a, Language b) => (a is Language.Uk or Language.Ru) == (b is Language.Uk or Language.Ru);

    private static string? TextOf(JsonElement? value) => value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static Activity Message(string text, Language language, bool withActions) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Locale = language.Code(),
        InputHint = "acceptingInput",
        SuggestedActions = withActions
            ? new SuggestedActions
            {
                Actions =
                [
                    new CardAction { Type = "imBack", Title = Phrases.Get("another", language), Value = JsonSerializer.SerializeToElement(Phrases.Get("another", language)) },
                    new CardAction { Type = "imBack", Title = Phrases.Get("talk_to_person", language), Value = JsonSerializer.SerializeToElement(Phrases.Get("talk_to_person", language)) },
                ],
            }
            : null,
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Asystent.Bot.Channels.Activities;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Bot.Conversation;

/// <summary>
/// A service card as an Adaptive Card (schema 1.4, which Web Chat, the Emulator and Teams render):
/// a heading, what it is, then the facts a person scans for (where, today's hours, fees, how long),
/// each under its own bold label,
/// the documents as a list, and the online alternative as a link button.
/// </summary>
internal static class AdaptiveCardAnswer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static Attachment For(ServiceCard card, CardCatalogue catalogue, Language language, DateTimeOffset officeNow)
    {
        var view = LocalizedCard.From(card, catalogue, language);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = view.Title, ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true, ["style"] = "heading" },
            Text(view.Summary),
        };

        // Label above value rather than a FactSet: a FactSet's label column breaks words apart on a
        // phone and at 200 % zoom.
        foreach (var (title, value) in Facts(view, language, officeNow))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = value, ["wrap"] = true, ["spacing"] = "None" });
        }

        if (view.Documents.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Phrases.Get("bring", language), ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
            // Adaptive Cards' Markdown subset knows lists; each item on its own line.
            body.Add(Text(string.Join("\r", view.Documents.Select(d => "- " + d))));
        }

        var actions = new JsonArray();
        if (view.Online?.Url is { } url)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = Phrases.Get("online", language), ["url"] = url });
        }

        var content = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["lang"] = language.Code(),
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            content["actions"] = actions;
        }

        return new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(content, ActivityJson.Options) };
    }

    private static IEnumerable<(string Title, string Value)> Facts(LocalizedCard view, Language language, DateTimeOffset officeNow)
    {
        yield return (Phrases.Get("where", language), CardAnswer.Location(view, language));
        yield return (Phrases.Get("hours", language), CardAnswer.Today(view, language, officeNow));
        yield return (Phrases.Get("fees", language), CardAnswer.FeeList(view, language));
        if (view.Deadline is { } deadline)
        {
            yield return (Phrases.Get("time", language), deadline);
        }

        if (view.Online?.Text is { } online)
        {
            yield return (Phrases.Get("online", language), online);
        }
    }

    private static JsonObject Text(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
}

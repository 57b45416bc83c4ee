using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Asystent.Bot.Channels.Activities;

namespace Asystent.Bot.Channels.Messenger;

/// <summary>
/// Turns the assistant's replies into Send API messages: plain text (Markdown marks removed) split
/// cleanly at paragraphs, lines or sentences into parts within Messenger's 2,000 characters; links
/// of attachments written out; suggested actions as quick replies (at most 13, titles at most 20
/// characters, the full text in the payload) on the last part.
/// </summary>
public static partial class MessengerRenderer
{
    public const int MaxTextLength = 2000;
    public const int MaxQuickReplies = 13;
    public const int MaxTitleLength = 20;

    public static IReadOnlyList<object> Render(Activity reply)
    {
        var text = new StringBuilder(Plain(reply.Text ?? ""));
        foreach (var attachment in reply.Attachments ?? [])
        {
            if (attachment.ContentUrl is { } url)
            {
                text.Append("\n\n").Append(attachment.Name is { } name ? $"{name}: " : "").Append(url);
            }
        }

        var parts = Split(text.ToString().Trim(), MaxTextLength);
        var quickReplies = (reply.SuggestedActions?.Actions ?? [])
            .Select(a => a.Title ?? Value(a.Value))
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Take(MaxQuickReplies)
            .Select(t => new { content_type = "text", title = Shorten(t!), payload = t!.Length <= 1000 ? t : t[..1000] })
            .ToList();
        return parts.Select((part, i) => i == parts.Count - 1 && quickReplies.Count > 0
                ? (object)new { text = part, quick_replies = quickReplies }
                : new { text = part })
            .ToList();
    }

    /// <summary>Markdown as the assistant writes it (bold, bullets kept as text) made plain for Messenger.</summary>
    public static string Plain(string markdown) => Bold().Replace(markdown, "$1");

    /// <summary>Parts of at most <paramref name="limit"/> characters, cut at a paragraph, a line, a sentence or a space, in that order of preference.</summary>
    public static List<string> Split(string text, int limit)
    {
        var parts = new List<string>();
        while (text.Length > limit)
        {
            var cut = Cut(text, limit);
            parts.Add(text[..cut].TrimEnd());
            text = text[cut..].TrimStart();
        }

        if (text.Length > 0 || parts.Count == 0)
        {
            parts.Add(text);
        }

        return parts;
    }

    private static int Cut(string text, int limit)
    {
        var window = text[..limit];
        foreach (var separator in new[] { "\n\n", "\n", ". ", " " })
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > limit / 2)
            {
                return at + separator.Length;
            }
        }

        return limit;
    }

    private static string Shorten(string title) => title.Length <= MaxTitleLength ? title : title[..(MaxTitleLength - 1)].TrimEnd() + "…";

    private static string? Value(JsonElement? value) => value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.Singleline)]
    private static partial Regex Bold();
}

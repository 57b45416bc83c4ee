using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace Asystent.Bot.IntegrationTests.Conversations;

/// <summary>
/// Talks to the assistant in-process, without HTTP: each message is a turn of the real assistant
/// (real index, model and database from the factory), and the test sees the turn itself: its
/// replies, the state it left and the notes on what it did. A turn takes milliseconds.
/// </summary>
public sealed class TestAdapter(AssistantFactory factory, string locale = "pl-PL", string channel = "directline")
{
    private readonly AssistantBot bot = factory.Services.GetRequiredService<AssistantBot>();
    private readonly ChannelAccount user = new() { Id = "resident-" + Guid.NewGuid().ToString("N")[..8], Role = "user" };

    public string ConversationKey { get; } = $"test:{Guid.NewGuid():N}";

    public Task<Turn> SayAsync(string text) => bot.RunAsync(new Activity
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        Locale = locale,
        ChannelId = channel,
        From = user,
        Recipient = new ChannelAccount { Id = "asystent", Role = "bot" },
    }, ConversationKey, TestContext.Current.CancellationToken);

    /// <summary>Everything a person reads in the turn's replies: the texts and the texts inside attached cards.</summary>
    public static string Text(Turn turn) => string.Join("\n", turn.Replies.SelectMany(Texts));

    /// <summary>The buttons offered after the turn.</summary>
    public static IReadOnlyList<string> Actions(Turn turn) =>
        turn.Replies.LastOrDefault(r => r.SuggestedActions is not null)?.SuggestedActions?.Actions.Select(a => a.Title ?? "").ToList() ?? [];

    private static IEnumerable<string> Texts(Activity reply)
    {
        if (reply.Text is { } text)
        {
            yield return text;
        }

        foreach (var content in (reply.Attachments ?? []).Select(a => a.Content).OfType<JsonElement>())
        {
            foreach (var value in Strings(content))
            {
                yield return value;
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}

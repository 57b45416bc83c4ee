using System.Collections.Concurrent;
using System.Text.Json;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.Bot.Channels.Messenger;

/// <summary>Why a message goes to a Messenger user: it decides how Facebook's messaging window applies.</summary>
public enum MessengerSendKind
{
    /// <summary>The answer to the person's message.</summary>
    Reply,

    /// <summary>Sent unprompted by the assistant: a new place in the queue, the hand-back.</summary>
    Update,

    /// <summary>Written by a clerk who took the conversation over.</summary>
    HumanAgent,
}

/// <summary>The Send API's <c>messaging_type</c> and, outside the standard window, its message <c>tag</c>.</summary>
public sealed record MessengerSendMode(string MessagingType, string? Tag = null);

/// <summary>
/// Facebook's messaging window: a page may message a person freely for 24 hours after their last
/// message; after that only with a tag for an allowed purpose, here a human agent's reply (HUMAN_AGENT,
/// 7 days). Anything else outside the window is not sent, and the caller learns so. The time of each
/// person's last message is remembered, and read back from the stored transcript after a restart.
/// </summary>
public sealed class MessengerWindow(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Standard = TimeSpan.FromHours(24);
    public static readonly TimeSpan HumanAgent = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, DateTimeOffset> lastMessages = new(StringComparer.Ordinal);

    public void PersonWrote(string psid, DateTimeOffset at) => lastMessages[psid] = at;

    /// <summary>How a message of <paramref name="kind"/> may go to the person now; null when the window is closed for it.</summary>
    public async Task<MessengerSendMode?> DeliveryAsync(string psid, MessengerSendKind kind, CancellationToken cancellationToken) =>
        kind == MessengerSendKind.Reply ? new MessengerSendMode("RESPONSE") : Decide(kind, await LastMessageAsync(psid, cancellationToken), clock.GetUtcNow());

    public static MessengerSendMode? Decide(MessengerSendKind kind, DateTimeOffset? lastMessage, DateTimeOffset now)
    {
        if (lastMessage is not { } last)
        {
            return null;
        }

        var since = now - last;
        return since <= Standard ? new MessengerSendMode(kind == MessengerSendKind.HumanAgent ? "RESPONSE" : "UPDATE")
            : kind == MessengerSendKind.HumanAgent && since <= HumanAgent ? new MessengerSendMode("MESSAGE_TAG", "HUMAN_AGENT")
            : null;
    }

    private async Task<DateTimeOffset?> LastMessageAsync(string psid, CancellationToken cancellationToken)
    {
        if (lastMessages.TryGetValue(psid, out var known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var recent = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().ConversationActivities.AsNoTracking()
            .Where(a => a.ConversationId == $"{MessengerTurns.ChannelId}:{psid}" && a.Type == "message")
            .OrderByDescending(a => a.Sequence).Take(50)
            .Select(a => new { a.Json, a.Timestamp })
            .ToListAsync(cancellationToken);
        foreach (var activity in recent)
        {
            using var json = JsonDocument.Parse(activity.Json);
            if (json.RootElement.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "user")
            {
                return lastMessages.GetOrAdd(psid, activity.Timestamp);
            }
        }

        return null;
    }
}

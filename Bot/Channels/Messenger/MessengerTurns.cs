using System.Collections.Concurrent;
using Asystent.Bot.Channels.Activities;
using Asystent.Bot.Conversation;

namespace Asystent.Bot.Channels.Messenger;

/// <summary>
/// Runs the turns of a webhook delivery after Facebook has had its 200: typing indicator, the
/// assistant's answer, the replies through the Send API. A message Facebook delivers again (same
/// mid) is answered once.
/// </summary>
public sealed class MessengerTurns(TurnRunner turns, ConversationStore store, SendApiClient sendApi, MessengerWindow window, TimeProvider clock, ILogger<MessengerTurns> logger)
    : IChannelAdapter
{
    public const string ChannelId = "messenger";

    // Facebook retries a delivery for hours at most; a day of message ids is plenty to recognise one.
    private static readonly TimeSpan RememberFor = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    /// <summary>Starts the turn of one event; false when it is a delivery seen before.</summary>
    public bool Enqueue(string pageId, string psid, string messageId, string text)
    {
        var now = clock.GetUtcNow();
        if (!seen.TryAdd(messageId, now))
        {
            return false;
        }

        if (seen.Count > 10_000)
        {
            foreach (var old in seen.Where(s => now - s.Value > RememberFor).Select(s => s.Key).ToList())
            {
                seen.TryRemove(old, out _);
            }
        }

        window.PersonWrote(psid, now);
        var incoming = new Activity
        {
            Type = ActivityTypes.Message,
            Id = messageId,
            ChannelId = ChannelId,
            Text = text,
            Timestamp = now,
            From = new ChannelAccount { Id = psid, Role = "user" },
            Recipient = new ChannelAccount { Id = pageId, Role = "bot" },
            Conversation = new ConversationAccount { Id = psid },
        };
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(incoming, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A Messenger turn could not be completed");
            }
        });
        return true;
    }

    private async Task RunAsync(Activity incoming, CancellationToken cancellationToken)
    {
        var psid = incoming.From!.Id!;
        var key = $"{ChannelId}:{psid}";
        store.Started(key, ChannelId, psid, null);
        await sendApi.TypingAsync(psid, cancellationToken);
        await turns.RunAsync(key, incoming, async replies =>
        {
            store.Recorded(key, store.NextSequence(key), incoming);
            await SendAsync(psid, key, replies, incoming.Id, new MessengerSendMode("RESPONSE"), cancellationToken);
        }, cancellationToken);
    }

    public bool Owns(ConversationReference reference) => reference.Channel == ChannelId;

    /// <summary>A clerk's words go as a human agent's (allowed for longer); the assistant's as an update.</summary>
    public Task<bool> ContinueConversationAsync(ConversationReference reference, IReadOnlyList<Activity> activities, ChannelAccount? sender, CancellationToken cancellationToken) =>
        SendAsync(reference.ConversationKey, activities, sender is null ? MessengerSendKind.Update : MessengerSendKind.HumanAgent, cancellationToken);

    /// <summary>
    /// Sends messages to a Messenger user outside a turn (a clerk's reply, a queue update), recorded in
    /// the transcript like any reply, when Facebook's messaging window allows; false when it does not.
    /// </summary>
    public async Task<bool> SendAsync(string key, IReadOnlyList<Activity> activities, MessengerSendKind kind, CancellationToken cancellationToken)
    {
        var psid = key[(ChannelId.Length + 1)..];
        if (await window.DeliveryAsync(psid, kind, cancellationToken) is not { } delivery)
        {
            logger.LogInformation("A {Kind} message was not sent: the person's Messenger window is closed", kind);
            return false;
        }

        await SendAsync(psid, key, activities, null, delivery, cancellationToken);
        return true;
    }

    private async Task SendAsync(string psid, string key, IReadOnlyList<Activity> activities, string? replyToId, MessengerSendMode delivery, CancellationToken cancellationToken)
    {
        // Only messages: Messenger has no use for the Bot Framework's handoff events.
        foreach (var reply in activities.Where(r => r.Type == ActivityTypes.Message))
        {
            reply.ChannelId = ChannelId;
            reply.ReplyToId = replyToId;
            store.Recorded(key, store.NextSequence(key), reply);
            foreach (var message in MessengerRenderer.Render(reply))
            {
                await sendApi.SendAsync(psid, message, delivery, cancellationToken);
            }
        }
    }
}

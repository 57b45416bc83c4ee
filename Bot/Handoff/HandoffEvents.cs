using System.Text.Json;
using Asystent.Bot.Channels.Activities;

namespace Asystent.Bot.Handoff;

/// <summary>
/// The Bot Framework's handoff events on the activity stream, so a channel or agent hub that
/// understands them can follow: <c>handoff.initiate</c> when a conversation joins a queue, and
/// <c>handoff.status</c> with <c>{ state: accepted | failed | completed, message }</c> as it goes on.
/// </summary>
public static class HandoffEvents
{
    public const string Initiate = "handoff.initiate";
    public const string Status = "handoff.status";

    public static Activity Initiation(long handoffId, string unit, string? cardId, string language, string reason) => new()
    {
        Type = ActivityTypes.Event,
        Name = Initiate,
        Value = JsonSerializer.SerializeToElement(new { handoffId, unit, card = cardId, language, reason }),
    };

    public static Activity StatusOf(string state, string message) => new()
    {
        Type = ActivityTypes.Event,
        Name = Status,
        Value = JsonSerializer.SerializeToElement(new { state, message }),
    };
}

using Microsoft.Extensions.Caching.Memory;

namespace Asystent.Bot.Channels.Voice;

/// <summary>
/// What a call has said so far in a multi-step branch (a case number, offered times, a name), kept on
/// the server by call id for half an hour, so none of it travels in the provider's request URLs.
/// </summary>
internal sealed record VoiceCallState(
    string? CaseNumber = null,
    string? QueueId = null,
    IReadOnlyList<DateTimeOffset>? Slots = null,
    DateTimeOffset? Chosen = null,
    string? Name = null,
    IReadOnlyList<string>? Visits = null,
    string? VisitCode = null)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public static VoiceCallState Of(IMemoryCache cache, string callSid) =>
        callSid.Length > 0 && cache.TryGetValue(Key(callSid), out VoiceCallState? state) && state is not null ? state : new VoiceCallState();

    public void Save(IMemoryCache cache, string callSid)
    {
        if (callSid.Length > 0)
        {
            cache.Set(Key(callSid), this, Lifetime);
        }
    }

    private static string Key(string callSid) => $"voice:{callSid}";
}

using Asystent.KnowledgeBase.Search;
using Microsoft.Extensions.Caching.Memory;

namespace Asystent.Bot.Channels.Voice;

/// <summary>One request of a call in a multi-step branch: the answer given (keys, speech), who calls, and what the call has said before.</summary>
internal sealed record VoiceBranch(VoiceCall Call, string Step, string Digits, string Speech, string From, string CallSid, IMemoryCache Cache, CardSearchService Search, TimeProvider Clock)
{
    public VoiceCallState State => VoiceCallState.Of(Cache, CallSid);

    public void Save(VoiceCallState state) => state.Save(Cache, CallSid);

    /// <summary>The key pressed as a 1-based choice among <paramref name="count"/>, or null.</summary>
    public int? Choice(int count) => int.TryParse(Digits, out var n) && n >= 1 && n <= count ? n : null;
}

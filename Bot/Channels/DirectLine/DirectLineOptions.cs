using System.ComponentModel.DataAnnotations;

namespace Asystent.Bot.Channels.DirectLine;

public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The Direct Line secret. No working default: without it Direct Line refuses every request and
    /// says so at start-up, rather than serving conversations unauthenticated.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token lives; Web Chat refreshes it at half this time.</summary>
    [Range(1, 1440)] public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>The largest activity a client may post (Direct Line answers 413 above it).</summary>
    [Range(1024, 10_485_760)] public int MaxActivityBytes { get; set; } = 262_144;

    /// <summary>The longest message text accepted.</summary>
    [Range(1, 100_000)] public int MaxTextLength { get; set; } = 2000;

    /// <summary>After this long without activity or a watching client, a conversation leaves memory (it stays in the database).</summary>
    [Range(1, 10_080)] public int IdleMinutes { get; set; } = 30;

    /// <summary>
    /// "The assistant is writing…" appears only when an answer takes longer than this, as the Bot
    /// Framework SDK's typing middleware does: a quick answer needs no indicator before it. 0 sends it at once.
    /// </summary>
    [Range(0, 10_000)] public int TypingDelayMilliseconds { get; set; } = 500;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Secret) && Secret.Length >= 16;
}

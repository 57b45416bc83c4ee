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

    /// <summary>
    /// The largest activity a client may post, channelData included (413 above it). A message of the
    /// longest text in Cyrillic, escaped, with Web Chat's channelData fits well within the default.
    /// </summary>
    [Range(1024, 10_485_760)] public int MaxActivityBytes { get; set; } = 32_768;

    /// <summary>Posts a conversation may make per minute once its burst is spent (then 429 with Retry-After).</summary>
    [Range(1, 10_000_000)] public int ConversationPostsPerMinute { get; set; } = 60;

    /// <summary>Posts a conversation may make at once before the per-minute rate applies.</summary>
    [Range(1, 1_000_000)] public int ConversationPostBurst { get; set; } = 20;

    /// <summary>Posts one token may make per minute, over all it is used for (the secret is limited per conversation only).</summary>
    [Range(1, 10_000_000)] public int TokenPostsPerMinute { get; set; } = 120;

    /// <summary>Posts one token may make at once before its per-minute rate applies.</summary>
    [Range(1, 1_000_000)] public int TokenPostBurst { get; set; } = 40;

    /// <summary>The most activities one read (a poll, or one stream message of a reconnect's replay) returns; the watermark says where to go on.</summary>
    [Range(1, 10_000)] public int MaxActivitiesPerRead { get; set; } = 100;

    /// <summary>How many of a conversation's newest activities stay in memory; older ones are read from the database when asked for.</summary>
    [Range(10, 100_000)] public int MaxActivitiesInMemory { get; set; } = 500;

    /// <summary>How long an answered post may wait for its activities to be committed before it is refused with 503 (the database is failing).</summary>
    [Range(1, 600)] public int StoreTimeoutSeconds { get; set; } = 15;

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

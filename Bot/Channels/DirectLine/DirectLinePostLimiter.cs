using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>
/// How fast a Direct Line conversation, and a token, may post: token buckets (a burst, then a steady
/// rate), one per conversation and one per token. A person types a message every few seconds; a
/// script posting thousands a minute gets 429 with Retry-After instead of the server's memory and
/// database. Posts made with the Direct Line secret (the operator's own backend) are limited per
/// conversation only. Buckets that are full again are dropped by the partitioned limiter, so memory
/// does not grow with the number of conversations seen.
/// </summary>
public sealed class DirectLinePostLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> conversations;
    private readonly PartitionedRateLimiter<string> tokens;

    public DirectLinePostLimiter(IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        conversations = Buckets(settings.ConversationPostsPerMinute, settings.ConversationPostBurst);
        tokens = Buckets(settings.TokenPostsPerMinute, settings.TokenPostBurst);
    }

    /// <summary>Takes one post from the conversation's bucket and the token's; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryPost(string conversationId, string? token)
    {
        using var byConversation = conversations.AttemptAcquire(conversationId);
        if (!byConversation.IsAcquired)
        {
            return RetryAfter(byConversation);
        }

        if (token is null)
        {
            return null;
        }

        using var byToken = tokens.AttemptAcquire(token);
        return byToken.IsAcquired ? null : RetryAfter(byToken);
    }

    public void Dispose()
    {
        conversations.Dispose();
        tokens.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);

    // The partitioned limiter replenishes its buckets every 100 ms: a rate above 600 a minute adds
    // several tokens per tick, a lower one adds one token per period.
    private static PartitionedRateLimiter<string> Buckets(int perMinute, int burst) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            QueueLimit = 0,
            AutoReplenishment = false,
            ReplenishmentPeriod = perMinute >= 600 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromMinutes(1) / perMinute,
            TokensPerPeriod = perMinute >= 600 ? perMinute / 600 : 1,
        }));
}

using System.Collections.Concurrent;

namespace Asystent.KnowledgeBase.Cases;

/// <summary>
/// Counts failed case-status checks per key (a conversation, a client address, a case number) in a
/// sliding window; a key with too many failures is refused until the oldest of them leaves the window.
/// In memory: a restart forgets the counts, which costs an attacker nothing they could not get by waiting.
/// A client address gets more tries than a conversation or a case number: an office network or a
/// mobile operator puts many people behind one address.
/// </summary>
public sealed class FailedAttempts(TimeProvider clock)
{
    public const int Limit = 5;
    public const int AddressLimit = 20;
    public const string AddressPrefix = "ip:";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>How long until any of the keys may try again; null when none is blocked.</summary>
    public TimeSpan? RetryAfter(params string[] keys)
    {
        var now = clock.GetUtcNow();
        TimeSpan? longest = null;
        foreach (var key in keys)
        {
            if (!failures.TryGetValue(key, out var times))
            {
                continue;
            }

            lock (times)
            {
                Expire(times, now);
                if (times.Count >= (key.StartsWith(AddressPrefix, StringComparison.Ordinal) ? AddressLimit : Limit))
                {
                    // The oldest failures must leave the window until the count is under the limit again.
                    var wait = times.ElementAt(times.Count - (key.StartsWith(AddressPrefix, StringComparison.Ordinal) ? AddressLimit : Limit)) + Window - now;
                    longest = longest is null || wait > longest ? wait : longest;
                }
            }
        }

        return longest;
    }

    public void Fail(params string[] keys)
    {
        var now = clock.GetUtcNow();
        foreach (var key in keys)
        {
            var times = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (times)
            {
                Expire(times, now);
                times.Enqueue(now);
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }
    }
}

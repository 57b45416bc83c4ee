using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Asystent.KnowledgeBase.Cases;

/// <summary>
/// Counts failures per key in a sliding window; a key with too many failures is refused until the
/// oldest of them leaves the window. One instance serves the chat, the phone line and the API, so an
/// address that failed in one is counted in all. Keys: <see cref="Address"/> (client IP, caller number,
/// Messenger PSID), <see cref="SignInAddress"/>, or anything else (a conversation, a case number, a
/// visit code) with the per-key limit. In memory: a restart forgets the counts, which costs an
/// attacker nothing they could not get by waiting.
/// </summary>
public sealed class FailedAttempts(TimeProvider clock, IOptions<FailureLimitOptions> options)
{
    public const string AddressPrefix = "addr:";
    public const string SignInAddressPrefix = "signin-addr:";

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>The counter of wrong codes from one address (<c>ip:127.0.0.1</c>, <c>phone:+48600100200</c>, <c>psid:123</c>).</summary>
    public static string Address(string address) => AddressPrefix + address;

    /// <summary>The counter of wrong staff sign-ins from one address.</summary>
    public static string SignInAddress(string address) => SignInAddressPrefix + address;

    public TimeSpan Window => TimeSpan.FromMinutes(options.Value.WindowMinutes);

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

            var limit = LimitOf(key);
            lock (times)
            {
                Expire(times, now);
                if (times.Count >= limit)
                {
                    // The oldest failures must leave the window until the count is under the limit again.
                    var wait = times.ElementAt(times.Count - limit) + Window - now;
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

    private int LimitOf(string key) =>
        key.StartsWith(AddressPrefix, StringComparison.Ordinal) ? options.Value.PerAddress
        : key.StartsWith(SignInAddressPrefix, StringComparison.Ordinal) ? options.Value.SignInPerAddress
        : options.Value.PerKey;

    private void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }
    }
}

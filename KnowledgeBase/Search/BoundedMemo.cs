using System.Collections.Concurrent;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// Remembers what a function gave for a key, for up to a fixed number of keys; past that, new keys
/// are worked out each time. For per-generation work on residents' words, which repeat all day but
/// whose typos are endless.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> known = new(comparer);
    private int count;

    public TValue Get(TKey key, Func<TKey, TValue> work)
    {
        if (known.TryGetValue(key, out var value))
        {
            return value;
        }

        value = work(key);
        if (Volatile.Read(ref count) < capacity && known.TryAdd(key, value))
        {
            Interlocked.Increment(ref count);
        }

        return value;
    }
}

using System.Collections.Concurrent;
using Asystent.Bot.Hosting;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The background writers' loop runs on the storage thread alone.</summary>
public sealed class StorageThreadTests
{
    [Fact]
    public async Task A_loop_comes_back_to_the_same_thread_after_every_await()
    {
        using var storage = new StorageThread();
        var threads = new ConcurrentBag<int>();

        await storage.Run(async () =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Delay(20, TestContext.Current.CancellationToken);
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Yield();
            threads.Add(Environment.CurrentManagedThreadId);
        });

        Assert.Equal(3, threads.Count);
        var thread = Assert.Single(threads.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, thread);
    }

    [Fact]
    public async Task A_loop_still_waiting_when_the_server_stops_finishes_on_the_thread_pool()
    {
        var storage = new StorageThread();
        var finished = false;
        var loop = storage.Run(async () =>
        {
            await Task.Delay(50, CancellationToken.None);
            finished = true;
        });

        storage.Dispose();
        await loop.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(finished);
    }
}

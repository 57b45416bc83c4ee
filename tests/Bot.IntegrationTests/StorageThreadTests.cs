using System.Collections.Concurrent;
using Asystent.Bot.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The background writers' loop runs on the storage thread alone, below the conversations' priority.</summary>
public sealed class StorageThreadTests
{
    [Fact]
    public async Task A_loop_comes_back_to_the_same_thread_after_every_await()
    {
        using var storage = new StorageThread(NullLogger<StorageThread>.Instance);
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
    public async Task On_linux_the_thread_runs_at_a_lower_priority()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "nice values are Linux's");
        using var storage = new StorageThread(NullLogger<StorageThread>.Instance);

        // /proc/thread-self/stat, read on the storage thread: its 19th field is the thread's nice value.
        var stat = "";
        await storage.Run(() =>
        {
            stat = File.ReadAllText("/proc/thread-self/stat");
            return Task.CompletedTask;
        });

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal("10", fields[19 - 3]);
    }

    [Fact]
    public async Task A_loop_still_waiting_when_the_server_stops_finishes_on_the_thread_pool()
    {
        var storage = new StorageThread(NullLogger<StorageThread>.Instance);
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

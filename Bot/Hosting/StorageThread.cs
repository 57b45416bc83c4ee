using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace Asystent.Bot.Hosting;

/// <summary>
/// The one thread the background writers (transcripts and dialogue state, analytics, search records)
/// store on, at a lower scheduling priority than the conversations. SQLite's calls block and cost
/// CPU in bursts (a commit of a thousand rows, a checkpoint copying megabytes): on the thread pool of
/// a 2-core server every such burst was a turn kept waiting (BENCHMARKS.md). One thread also means
/// the writers never wait for each other's write lock.
/// </summary>
public sealed partial class StorageThread : TaskScheduler, IDisposable
{
    // The thread's nice value on Linux: a lower priority than the request threads (0), well above the lowest (19).
    private const int Niceness = 10;

    private readonly Channel<Task> queue = Channel.CreateUnbounded<Task>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread thread;

    public StorageThread(ILogger<StorageThread> logger)
    {
        thread = new Thread(() => Work(logger)) { IsBackground = true, Name = "Storage writer" };
        thread.Start();
    }

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs the loop on this thread; after each await it comes back here.</summary>
    public Task Run(Func<Task> loop) =>
        Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    public void Dispose() => queue.Writer.TryComplete();

    protected override void QueueTask(Task task)
    {
        if (!queue.Writer.TryWrite(task))
        {
            // Disposed while a writer was still finishing (shutdown): it finishes on the pool.
            ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Environment.CurrentManagedThreadId == thread.ManagedThreadId && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];

    private void Work(ILogger logger)
    {
        LowerPriority(logger);
        var reader = queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var task))
            {
                TryExecuteTask(task);
            }
        }
    }

    private static void LowerPriority(ILogger logger)
    {
        // .NET's Thread.Priority does nothing on Linux; the thread's own nice value does.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            if (SetPriority(0, GetThreadId(), Niceness) != 0)
            {
                logger.LogInformation("Could not lower the storage thread's priority (errno {Error}); it runs at normal priority", Marshal.GetLastPInvokeError());
            }
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without gettid (glibc before 2.30): the writers still work, at normal priority.
            logger.LogInformation("Could not lower the storage thread's priority (no gettid); it runs at normal priority");
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}

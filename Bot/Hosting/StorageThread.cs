using System.Threading.Channels;

namespace Asystent.Bot.Hosting;

/// <summary>
/// The one thread the background writers (transcripts and dialogue state, analytics, search records)
/// store on. SQLite's calls block and cost CPU in bursts (a commit of a thousand rows, a checkpoint
/// copying megabytes): on the thread pool of a 2-core server every such burst was a turn kept waiting
/// (BENCHMARKS.md). One thread also means the writers never wait for each other's write lock. It runs
/// at the conversations' own priority: it once ran below them, but a Direct Line post is now answered
/// only after its commit, and under load the lower priority kept answers waiting for the thread.
/// </summary>
public sealed class StorageThread : TaskScheduler, IDisposable
{
    private readonly Channel<Task> queue = Channel.CreateUnbounded<Task>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread thread;

    public StorageThread()
    {
        thread = new Thread(Work) { IsBackground = true, Name = "Storage writer" };
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

    private void Work()
    {
        var reader = queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var task))
            {
                TryExecuteTask(task);
            }
        }
    }
}

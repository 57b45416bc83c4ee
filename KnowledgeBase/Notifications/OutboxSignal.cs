using System.Threading.Channels;

namespace Asystent.KnowledgeBase.Notifications;

/// <summary>
/// Wakes the outbox worker when something was queued, so a confirmation leaves at once instead of at
/// the next poll. Pulses coalesce: many bookings in a burst wake the worker once.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<byte> pulses = Channel.CreateBounded<byte>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Pulse() => pulses.Writer.TryWrite(0);

    /// <summary>Returns when pulsed or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await pulses.Reader.WaitToReadAsync(timer.Token);
            pulses.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a pulse: look anyway (a reminder may have come due).
        }
    }
}

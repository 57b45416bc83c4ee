using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Notifications;

/// <summary>
/// Sends what the outbox holds: due messages in order, one at a time, each marked sent (with the
/// gateway's id) or given a later attempt (backoff doubling up to an hour) right after its
/// attempt, so a restart repeats at most the one message in flight, and the SMS gateway's idx check
/// stops even that from reaching the phone twice. Reminders past their visit expire unsent. Messages
/// for a channel that is not configured wait for it. Recipients and texts never reach the log.
/// </summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes, OutboxSignal signal, SmsGatewayClient sms, SmtpMailer mailer,
    IOptions<NotificationOptions> options, TimeProvider clock, Hosting.Readiness readiness, ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sms.IsConfigured)
        {
            logger.LogWarning("No SMS gateway is configured (Notifications:Sms:BaseUrl and ApiKey): SMS confirmations and notices wait in the outbox");
        }

        if (!mailer.IsConfigured)
        {
            logger.LogWarning("No mail server is configured (Notifications:Smtp:Host): e-mail confirmations and notices wait in the outbox");
        }

        // On a new machine the outbox table exists only once start-up has migrated the database.
        await readiness.WhenDatabaseReady(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The outbox could not be processed; trying again later");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
        }
    }

    /// <summary>Makes one attempt at each due message (up to a batch); returns how many it looked at.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var channels = new List<string>(2);
        if (sms.IsConfigured)
        {
            channels.Add(OutboxChannels.Sms);
        }

        if (mailer.IsConfigured)
        {
            channels.Add(OutboxChannels.Email);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssistantDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (channels.Contains(m.Channel) || m.ExpiresAt <= now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var message in due)
        {
            await AttemptAsync(message, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }

    private async Task AttemptAsync(OutboxMessageRecord message, DateTime now, CancellationToken cancellationToken)
    {
        if (message.ExpiresAt is { } expires && expires <= now)
        {
            message.Status = OutboxStatus.Expired;
            logger.LogInformation("Outbox message {Id} ({Key}) expired unsent", message.Id, message.DedupKey);
            return;
        }

        message.Attempts++;
        DeliveryResult result;
        try
        {
            result = message.Channel == OutboxChannels.Sms
                ? await sms.SendAsync(message.DedupKey, message.Recipient, message.Body, cancellationToken)
                : await mailer.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            result = DeliveryResult.Retry($"{e.GetType().Name}: {e.Message}");
        }

        if (result.Delivered)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAt = now;
            message.ProviderId = result.ProviderId;
            message.LastError = null;
            logger.LogInformation("Outbox message {Id} ({Key}) sent by {Channel}", message.Id, message.DedupKey, message.Channel);
            return;
        }

        message.LastError = result.Error is { Length: > 500 } error ? error[..500] : result.Error;
        if (result.Permanent || message.Attempts >= options.Value.MaxAttempts)
        {
            message.Status = OutboxStatus.Failed;
            logger.LogWarning("Outbox message {Id} ({Key}) failed after {Attempts} attempts: {Error}", message.Id, message.DedupKey, message.Attempts, message.LastError);
            return;
        }

        var backoff = TimeSpan.FromSeconds(Math.Min(3600, options.Value.RetrySeconds * Math.Pow(2, message.Attempts - 1)));
        message.NextAttemptAt = now + backoff;
        logger.LogInformation("Outbox message {Id} ({Key}) not sent ({Error}); next attempt in {Backoff}", message.Id, message.DedupKey, message.LastError, backoff);
    }
}

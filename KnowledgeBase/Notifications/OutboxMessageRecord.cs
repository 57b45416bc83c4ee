namespace Asystent.KnowledgeBase.Notifications;

/// <summary>
/// A message waiting to go out (SMS or e-mail), written in the same transaction as the change it
/// announces, so a confirmation is never lost and never sent for a booking that did not happen. The
/// unique <see cref="DedupKey"/> ("appointment:K7M4-XQ3H:reminder:202612010900") keeps one event from
/// being queued twice; the worker sends each message once and retries failures with backoff.
/// </summary>
public sealed class OutboxMessageRecord
{
    public long Id { get; set; }
    public required string DedupKey { get; set; }
    public required string Channel { get; set; }
    public required string Recipient { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public string? Attachment { get; set; }

    /// <summary>Not sent before this time (a reminder waits for the day before the visit).</summary>
    public required DateTime NotBefore { get; set; }

    /// <summary>Not sent after this time (a reminder after the visit is noise); null: no limit.</summary>
    public DateTime? ExpiresAt { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public required DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The gateway's id of the sent message: the record of delivery.</summary>
    public string? ProviderId { get; set; }
    public string? LastError { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
}

public static class OutboxChannels
{
    public const string Sms = "sms";
    public const string Email = "email";
}

public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
}

using System.ComponentModel.DataAnnotations;

namespace Asystent.Bot.Notifications;

/// <summary>
/// Where confirmations, reminders and notices go out. Without a gateway (SMS) or a server (e-mail)
/// those messages wait in the outbox, and start-up says so; nothing is dropped.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    public SmsGatewayOptions Sms { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the outbox is looked at when nothing wakes it (reminders come due on their own).</summary>
    [Range(1, 3600)] public int PollSeconds { get; set; } = 30;

    /// <summary>Attempts before a message is given up as failed.</summary>
    [Range(1, 50)] public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; it doubles with each failure, up to an hour.</summary>
    [Range(1, 3600)] public int RetrySeconds { get; set; } = 10;
}

/// <summary>An SMSAPI-compatible HTTP gateway (POST {BaseUrl}/sms.do, bearer token).</summary>
public sealed class SmsGatewayOptions
{
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>The sender name registered with the gateway; the gateway's default when empty.</summary>
    public string? From { get; set; }

    public bool IsConfigured => Uri.TryCreate(BaseUrl, UriKind.Absolute, out _) && !string.IsNullOrEmpty(ApiKey);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Starostwo Powiatowe <no-reply@powiat.example>";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

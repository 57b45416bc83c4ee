using System.Text;
using Asystent.KnowledgeBase.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Asystent.Bot.Notifications;

/// <summary>
/// Sends e-mail over SMTP (MailKit), with the calendar file attached when there is one. The
/// Message-Id is derived from the outbox record, so a message retried after a lost answer is
/// recognisably the same message to the receiving side.
/// </summary>
public sealed class SmtpMailer(IOptions<NotificationOptions> options)
{
    public bool IsConfigured => options.Value.Smtp.IsConfigured;

    public async Task<DeliveryResult> SendAsync(OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = message.Subject ?? "";
        mail.MessageId = $"outbox-{message.Id}.{message.CreatedAt.ToUnixTimeSeconds()}@asystent";
        var body = new BodyBuilder { TextBody = message.Body };
        if (message.Attachment is not null)
        {
            body.Attachments.Add(message.AttachmentName ?? "attachment", Encoding.UTF8.GetBytes(message.Attachment),
                ContentType.Parse($"{message.AttachmentContentType ?? "application/octet-stream"}; charset=utf-8"));
        }

        mail.Body = body.ToMessageBody();
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            var answer = await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Sent(answer.Length > 100 ? answer[..100] : answer);
        }
        catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted && (int)e.StatusCode >= 500)
        {
            return DeliveryResult.Fail($"the mail server refused the message: {(int)e.StatusCode}");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException)
        {
            return DeliveryResult.Retry($"{e.GetType().Name}: {e.Message}");
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Notifications;

/// <summary>
/// Sends SMS through an SMSAPI-style HTTP gateway: a form POST to <c>{BaseUrl}/sms.do</c> with a bearer
/// token, answering JSON with the message id (or an error code). Each message carries an <c>idx</c>
/// derived from its outbox dedup key, with <c>check_idx=1</c>, so the gateway refuses to send the same
/// message twice when a retry follows a send whose answer was lost (and a rebuilt database, whose ids
/// start again at 1, never collides with what was sent before).
/// </summary>
public sealed class SmsGatewayClient(HttpClient http, IOptions<NotificationOptions> options)
{
    // The gateway's code for "an SMS with this idx was already sent": the earlier attempt got through.
    private const int DuplicateIdx = 105;

    // Codes that no retry can fix: a wrong or unreachable number, a message refused for its content.
    private static readonly HashSet<int> PermanentErrors = [11, 13, 14];

    public bool IsConfigured => options.Value.Sms.IsConfigured;

    public async Task<DeliveryResult> SendAsync(string dedupKey, string phone, string text, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        var idx = "asystent-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dedupKey)))[..32];
        var fields = new Dictionary<string, string>
        {
            ["to"] = phone.TrimStart('+'),
            ["message"] = text,
            ["format"] = "json",
            ["encoding"] = "utf-8",
            ["idx"] = idx,
            ["check_idx"] = "1",
        };
        if (!string.IsNullOrEmpty(sms.From))
        {
            fields["from"] = sms.From;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{sms.BaseUrl!.TrimEnd('/')}/sms.do") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            return DeliveryResult.Retry($"gateway answered {(int)response.StatusCode}");
        }

        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = answer.RootElement;
        if (root.TryGetProperty("error", out var error) && error.TryGetInt32(out var code))
        {
            var reason = $"gateway error {code}: {(root.TryGetProperty("message", out var m) ? m.GetString() : "")}";
            return code == DuplicateIdx ? DeliveryResult.Sent($"idx {idx}")
                : PermanentErrors.Contains(code) ? DeliveryResult.Fail(reason)
                : DeliveryResult.Retry(reason);
        }

        return root.TryGetProperty("list", out var list) && list.GetArrayLength() > 0 && list[0].TryGetProperty("id", out var id)
            ? DeliveryResult.Sent(id.ToString())
            : DeliveryResult.Retry($"unexpected gateway answer ({(int)response.StatusCode})");
    }
}

/// <summary>What became of one attempt: sent (with the provider's id), worth retrying, or hopeless.</summary>
public sealed record DeliveryResult(bool Delivered, bool Permanent, string? ProviderId, string? Error)
{
    public static DeliveryResult Sent(string? providerId) => new(true, false, providerId, null);

    public static DeliveryResult Retry(string error) => new(false, false, null, error);

    public static DeliveryResult Fail(string error) => new(false, true, null, error);
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.Messenger;

/// <summary>
/// Facebook's Send API (<c>POST {Graph}/me/messages</c>) with the page token in the Authorization
/// header, so it never appears in a logged URL. Server errors, throttling (429, Graph codes 4, 17,
/// 32, 613) and temporary failures (1, 2) are retried with backoff; other refusals (a person who
/// cannot be reached, a closed 24-hour window) are logged without the message and given up.
/// </summary>
public sealed class SendApiClient(IHttpClientFactory httpClients, IOptions<MessengerOptions> options, ILogger<SendApiClient> logger)
{
    private const int Attempts = 4;
    private static readonly HashSet<int> RetryableCodes = [1, 2, 4, 17, 32, 613];

    /// <summary>Time to wait before attempt n+1 (a test may shorten it).</summary>
    internal Func<int, TimeSpan> Backoff { get; set; } = attempt => TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt - 1));

    public Task<bool> TypingAsync(string psid, CancellationToken cancellationToken) =>
        PostAsync(new { recipient = new { id = psid }, sender_action = "typing_on" }, cancellationToken);

    public Task<bool> SendAsync(string psid, object message, CancellationToken cancellationToken) =>
        SendAsync(psid, message, new MessengerSendMode("RESPONSE"), cancellationToken);

    public Task<bool> SendAsync(string psid, object message, MessengerSendMode delivery, CancellationToken cancellationToken) =>
        delivery.Tag is { } tag
            ? PostAsync(new { recipient = new { id = psid }, messaging_type = delivery.MessagingType, tag, message }, cancellationToken)
            : PostAsync(new { recipient = new { id = psid }, messaging_type = delivery.MessagingType, message }, cancellationToken);

    private async Task<bool> PostAsync(object body, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(nameof(SendApiClient));
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.Value.GraphApiBaseUrl.TrimEnd('/')}/me/messages") { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.PageAccessToken);
            string? failure;
            bool retry;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                var code = await GraphErrorCodeAsync(response, cancellationToken);
                failure = $"{(int)response.StatusCode}, Graph error {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
                retry = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500 || (code is { } c && RetryableCodes.Contains(c));
            }
            catch (HttpRequestException e)
            {
                (failure, retry) = (e.Message, true);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                (failure, retry) = ("timeout", true);
            }

            if (!retry || attempt == Attempts)
            {
                logger.LogWarning("The Send API refused a message ({Failure}) after {Attempts} attempts; it is not sent", failure, attempt);
                return false;
            }

            await Task.Delay(Backoff(attempt), cancellationToken);
        }

        return false;
    }

    private static async Task<int?> GraphErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var error = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return error.RootElement.TryGetProperty("error", out var e) && e.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Asystent.Bot.Channels.Activities;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.BotConnector;

/// <summary>
/// Sends the assistant's replies to a channel's Bot Connector service
/// (<c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>), with the bot's own token
/// when it has an app ID (cached until shortly before it expires). Throttling (429) and server
/// errors are retried with backoff, honouring Retry-After; a refused token is fetched again once.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory httpClients, IOptions<BotConnectorOptions> options, TimeProvider clock, ILogger<ConnectorClient> logger) : IDisposable
{
    private const int Attempts = 4;

    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private (string Value, DateTimeOffset RenewAt)? token;

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    public async Task<bool> SendAsync(string serviceUrl, string conversationId, string? replyToId, Activity activity, CancellationToken cancellationToken)
    {
        var url = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            + (replyToId is null ? "" : "/" + Uri.EscapeDataString(replyToId));
        var http = httpClients.CreateClient(nameof(ConnectorClient));
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(activity, options: ActivityJson.Options) };
            HttpResponseMessage response;
            try
            {
                // The token is fetched inside the retry: a login service that hiccups delays the reply, not loses it.
                if (options.Value.HasAppId)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
                }

                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (attempt < Attempts)
            {
                logger.LogWarning(e, "The connector could not be reached (attempt {Attempt})", attempt);
                await Task.Delay(Backoff(attempt, null), cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                var retry = response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                if (response.StatusCode is HttpStatusCode.Unauthorized && attempt == 1 && options.Value.HasAppId)
                {
                    token = null;
                    retry = true;
                }

                if (!retry || attempt == Attempts)
                {
                    logger.LogError("The connector refused a reply in conversation {ConversationId}: {Status}", conversationId, (int)response.StatusCode);
                    return false;
                }

                await Task.Delay(Backoff(attempt, response.Headers.RetryAfter), cancellationToken);
            }
        }

        return false;
    }

    public void Dispose() => tokenLock.Dispose();

    private static TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        var exponential = TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1));
        return asked is { } delay && delay > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Min(delay.Ticks, TimeSpan.FromSeconds(30).Ticks)) : exponential;
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (token is { } cached && clock.GetUtcNow() < cached.RenewAt)
        {
            return cached.Value;
        }

        await tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (token is { } again && clock.GetUtcNow() < again.RenewAt)
            {
                return again.Value;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.Value.MicrosoftAppId!,
                ["client_secret"] = options.Value.MicrosoftAppPassword ?? "",
                ["scope"] = options.Value.TokenScope,
            });
            using var response = await httpClients.CreateClient(nameof(ConnectorClient)).PostAsync(new Uri(options.Value.TokenEndpoint), form, cancellationToken);
            response.EnsureSuccessStatusCode();
            var issued = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new HttpRequestException("The token endpoint answered without a token.");
            // Renew five minutes early so a reply never goes out with a token about to expire.
            token = (issued.AccessToken, clock.GetUtcNow().AddSeconds(Math.Max(60, issued.ExpiresIn - 300)));
            return issued.AccessToken;
        }
        finally
        {
            tokenLock.Release();
        }
    }
}

using System.Net;
using System.Text.Json;
using Asystent.Bot.Channels.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Asystent.Bot.Channels.BotConnector;

/// <summary>Why an activity posted to /api/messages was refused; null <see cref="Problem"/> means accepted.</summary>
public sealed record ChannelAuthenticationResult(int Status, string? Problem)
{
    public static readonly ChannelAuthenticationResult Accepted = new(StatusCodes.Status200OK, null);
}

/// <summary>
/// Checks that an activity really comes from a Bot Framework channel, as the Bot Connector
/// authentication requires: a bearer JWT signed with one of the published keys (RS256), issued by
/// the Bot Framework, for this bot's app ID, not expired (5 minutes of clock skew), signed by a key
/// that endorses the activity's channel, and naming the same service URL the activity asks us to
/// reply to, so a forged activity cannot make the assistant post elsewhere.
/// </summary>
public sealed class ChannelAuthentication
{
    private const string ServiceUrlClaim = "serviceurl";

    private readonly BotConnectorOptions options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> keys;
    private readonly JsonWebTokenHandler handler = new();

    public ChannelAuthentication(IOptions<BotConnectorOptions> options, IHttpClientFactory httpClients)
    {
        this.options = options.Value;
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(nameof(ChannelAuthentication))) { RequireHttps = this.options.RequireHttpsMetadata };
        keys = new ConfigurationManager<OpenIdConnectConfiguration>(this.options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    public async Task<ChannelAuthenticationResult> AuthenticateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (!options.HasAppId)
        {
            return options.AllowUnauthenticatedEmulator && IsLoopback(activity.ServiceUrl)
                ? ChannelAuthenticationResult.Accepted
                : new(StatusCodes.Status401Unauthorized, options.AllowUnauthenticatedEmulator
                    ? "Without an app ID only the local Bot Framework Emulator (a service URL on this machine) is accepted."
                    : "This assistant has no Bot Framework app ID (BotConnector:MicrosoftAppId), so it cannot check channel tokens and accepts none.");
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new(StatusCodes.Status401Unauthorized, "A Bot Framework channel token (Authorization: Bearer) is required.");
        }

        var token = authorization[7..].Trim();
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await keys.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The key endpoint is unreachable: the channel retries a 503, whereas a 401 would be final.
            return new(StatusCodes.Status503ServiceUnavailable, "The Bot Framework signing keys cannot be fetched right now; please retry.");
        }

        var result = await handler.ValidateTokenAsync(token, Parameters(configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: fetch them again once before refusing.
            keys.RequestRefresh();
            configuration = await keys.GetConfigurationAsync(cancellationToken);
            result = await handler.ValidateTokenAsync(token, Parameters(configuration));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return new(StatusCodes.Status401Unauthorized, "The channel token is not valid for this bot (signature, issuer, audience or expiry).");
        }

        if (!Endorses(configuration, jwt.Kid, activity.ChannelId))
        {
            return new(StatusCodes.Status403Forbidden, "The key that signed this token does not endorse the activity's channel.");
        }

        var serviceUrl = result.ClaimsIdentity.FindFirst(ServiceUrlClaim)?.Value;
        if (serviceUrl is null || !string.Equals(serviceUrl.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return new(StatusCodes.Status403Forbidden, "The activity's service URL is not the one the channel token was issued for.");
        }

        return ChannelAuthenticationResult.Accepted;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = options.TokenIssuer,
        ValidAudience = options.MicrosoftAppId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
    };

    // Keys without an endorsements list endorse every channel; with one, it must name the channel.
    private static bool Endorses(OpenIdConnectConfiguration configuration, string? kid, string? channelId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return true;
        }

        var names = endorsements switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.GetString()),
            IEnumerable<object> list => list.Select(e => e?.ToString()),
            _ => [],
        };
        return channelId is not null && names.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));
}

using System.ComponentModel.DataAnnotations;

namespace Asystent.Bot.Channels.BotConnector;

/// <summary>
/// The Bot Framework registration of this assistant (Azure Bot resource), for channels that reach it
/// through the Bot Connector at <c>POST /api/messages</c>.
/// </summary>
public sealed class BotConnectorOptions
{
    public const string SectionName = "BotConnector";

    /// <summary>The bot's Microsoft App ID: the audience every channel token must carry.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret, used to get a token for replies. Never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>
    /// Only for the local Bot Framework Emulator (run without an app ID): accept unauthenticated
    /// activities and reply without a token, to a service URL on this machine only. Off by default.
    /// </summary>
    public bool AllowUnauthenticatedEmulator { get; set; }

    /// <summary>Where the channels' signing keys are published.</summary>
    [Required] public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Who issues channel tokens.</summary>
    [Required] public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Where the bot gets its own token for replies (client credentials).</summary>
    [Required] public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    [Required] public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Off only for a local test double of the key endpoint.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The largest activity accepted.</summary>
    [Range(1024, 10_485_760)] public int MaxActivityBytes { get; set; } = 262_144;

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

namespace Asystent.Bot.Channels.Messenger;

/// <summary>
/// The Facebook page the assistant answers on. Without the verify token, the app secret and the page
/// token the webhook refuses everything (and start-up says so).
/// </summary>
public sealed class MessengerOptions
{
    public const string SectionName = "Messenger";

    public string? VerifyToken { get; set; }
    public string? AppSecret { get; set; }
    public string? PageAccessToken { get; set; }

    /// <summary>The Graph API with its version; tests point it at a local fake.</summary>
    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com/v25.0";

    public bool IsConfigured => !string.IsNullOrEmpty(VerifyToken) && !string.IsNullOrEmpty(AppSecret) && !string.IsNullOrEmpty(PageAccessToken);
}

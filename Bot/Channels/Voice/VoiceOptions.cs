namespace Asystent.Bot.Channels.Voice;

/// <summary>
/// The phone line (a Twilio-compatible provider). The auth token signs every webhook; the public base
/// URL is the address the provider calls, which the signature covers. Without both the voice webhook
/// refuses every request.
/// </summary>
public sealed class VoiceOptions
{
    public const string SectionName = "Voice";

    public string? AuthToken { get; set; }
    public string? PublicBaseUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(AuthToken) && Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _);
}

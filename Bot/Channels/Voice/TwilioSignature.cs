using System.Security.Cryptography;
using System.Text;

namespace Asystent.Bot.Channels.Voice;

/// <summary>
/// X-Twilio-Signature: Base64 of HMAC-SHA1, keyed with the auth token, over the full URL the provider
/// called followed by every POST parameter as name and value, sorted by name.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // SHA-1 is what the provider signs with; the choice is not ours to make.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    public static bool Matches(string? signature, string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        signature is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(authToken, url, parameters)), Encoding.ASCII.GetBytes(signature));
}

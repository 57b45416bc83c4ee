using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>What a token grants: one conversation, for one user, until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, string? UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues and checks Direct Line tokens as JWTs signed with HMAC-SHA256 (key derived from the
/// secret). A JWT lets Web Chat read the user id from the token's "user" claim, as it does with
/// Azure's tokens; the signature lets this server check a token without storing it.
/// </summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private static readonly string Header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());

    // Derived once: every post, poll and stream checks a token with it.
    private readonly byte[] key = SHA256.HashData(Encoding.UTF8.GetBytes("asystent-directline-token:" + options.Value.Secret));

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes);

    public bool IsSecret(string credential) =>
        options.Value.IsConfigured && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(options.Value.Secret!));

    public string Issue(string conversationId, string? userId)
    {
        var now = clock.GetUtcNow();
        var claims = new TokenClaims(conversationId, userId, now.ToUnixTimeSeconds(), now.Add(Lifetime).ToUnixTimeSeconds(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        return $"{Header}.{payload}.{Sign($"{Header}.{payload}")}";
    }

    /// <summary>The grant of a valid token; null when it is malformed, forged or expired.</summary>
    public DirectLineGrant? Validate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        try
        {
            var claims = JsonSerializer.Deserialize<TokenClaims>(FromBase64Url(parts[1]));
            if (claims is null || string.IsNullOrEmpty(claims.Conversation))
            {
                return null;
            }

            var expires = DateTimeOffset.FromUnixTimeSeconds(claims.Expires);
            return expires <= clock.GetUtcNow() ? null : new DirectLineGrant(claims.Conversation, claims.User, expires);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private string Sign(string data) => Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(data)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }

    private sealed record TokenClaims(
        [property: JsonPropertyName("conv")] string Conversation,
        [property: JsonPropertyName("user")] string? User,
        [property: JsonPropertyName("iat")] long IssuedAt,
        [property: JsonPropertyName("exp")] long Expires,
        [property: JsonPropertyName("jti")] string Id);
}

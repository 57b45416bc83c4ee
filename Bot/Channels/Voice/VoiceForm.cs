using System.Text;
using Microsoft.Extensions.Primitives;

namespace Asystent.Bot.Channels.Voice;

/// <summary>
/// The phone provider's webhook form, read for the signature check and nothing more: a bounded
/// URL-encoded body (the provider sends a few dozen short fields), parsed here rather than by the
/// framework's form reader, which accepts multipart bodies and files and a thousand fields before
/// anyone has checked who sent them. Multipart, other content types, bodies over the limit and too
/// many fields are refused with a problem before the signature is computed.
/// </summary>
public static class VoiceForm
{
    // Twilio's voice webhooks carry about 20 fields of a few dozen characters each.
    public const int MaxBytes = 16 * 1024;

    public const int MaxFields = 100;

    /// <summary>The fields in the order sent, with the refusal (status and detail) when the body is not an acceptable form.</summary>
    public static async Task<(IFormCollection Form, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var type = request.ContentType;
        var empty = request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0);
        if (empty)
        {
            return (FormCollection.Empty, null);
        }

        if (type is null || !type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (FormCollection.Empty, Refuse(StatusCodes.Status415UnsupportedMediaType, "Unsupported body", "The phone webhook takes application/x-www-form-urlencoded bodies only (no multipart, no files)."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (FormCollection.Empty, TooLarge());
        }

        using var body = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > MaxBytes)
            {
                return (FormCollection.Empty, TooLarge());
            }
        }

        var text = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        var pairs = text.Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length > MaxFields)
        {
            return (FormCollection.Empty, Refuse(StatusCodes.Status400BadRequest, "Too many fields", $"The phone webhook's form may have at most {MaxFields} fields."));
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (name is null || value is null)
            {
                return (FormCollection.Empty, Refuse(StatusCodes.Status400BadRequest, "Malformed form", "The phone webhook's form is not valid URL encoding."));
            }

            fields[name] = fields.TryGetValue(name, out var earlier) ? StringValues.Concat(earlier, value) : new StringValues(value);
        }

        return (new FormCollection(fields), null);
    }

    private static string? Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static IResult TooLarge() =>
        Refuse(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The phone webhook's form may have at most {MaxBytes} bytes.");

    private static IResult Refuse(int status, string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: status);
}

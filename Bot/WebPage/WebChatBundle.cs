using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Asystent.Bot.WebPage;

/// <summary>
/// The official Web Chat bundle (3.9 MB of JavaScript) as the page loads it: at an address that
/// names its content (a hash), so a browser keeps it for a year and never asks again, and in the
/// Brotli or gzip copy the build made beside it (about a fifth of the size), chosen by the request's
/// Accept-Encoding. Compressing it here on every request would cost a core for a second each time.
/// </summary>
public sealed class WebChatBundle
{
    public const string FileName = "webchat.js";

    // Preferred first: Brotli is about 15 % smaller than gzip for this bundle.
    private static readonly (string Encoding, string Suffix)[] Copies = [("br", ".br"), ("gzip", ".gz")];

    private readonly string path;

    private WebChatBundle(string path, string version)
    {
        this.path = path;
        Version = version;
    }

    /// <summary>The first 16 hex digits of the bundle's SHA-256: a new bundle gets a new address.</summary>
    public string Version { get; }

    /// <summary>Where the page loads the bundle from.</summary>
    public string Url => $"/webchat/{Version}/{FileName}";

    /// <summary>The bundle in <paramref name="folder"/>, or null when the build has not fetched it.</summary>
    public static WebChatBundle? Find(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return new WebChatBundle(path, Convert.ToHexStringLower(SHA256.HashData(stream))[..16]);
    }

    public IResult Serve(HttpContext http, string version)
    {
        if (version != Version)
        {
            // An address of an older bundle: the page that asked for it is older than this server.
            return TypedResults.Problem(title: "Not found", detail: "This version of Web Chat is not served here; reload the page.", statusCode: StatusCodes.Status404NotFound);
        }

        var headers = http.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.Vary = HeaderNames.AcceptEncoding;
        var accepted = http.Request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, suffix) in Copies)
        {
            if (Accepts(accepted, encoding) && File.Exists(path + suffix))
            {
                headers.ContentEncoding = encoding;
                return TypedResults.PhysicalFile(path + suffix, "text/javascript; charset=utf-8");
            }
        }

        return TypedResults.PhysicalFile(path, "text/javascript; charset=utf-8");
    }

    // "br", "gzip;q=1.0" or "*" accept it; "br;q=0" refuses it.
    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding) =>
        (accepted.FirstOrDefault(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase))
            ?? accepted.FirstOrDefault(a => a.Value.Equals("*", StringComparison.Ordinal))) is { } match && (match.Quality ?? 1) > 0;
}

using System.Text.Encodings.Web;

namespace Asystent.Bot.Hosting;

/// <summary>The frame every server-rendered page shares (staff pages, the console, analytics, card pages), and its text encoder.</summary>
internal static class HtmlPage
{
    /// <summary>Encodes text for HTML, leaving Polish, Ukrainian and Russian letters readable.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Shell(string language, string title, string stylesheet, string body) => $"""
        <!doctype html>
        <html lang="{language}">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{Encoder.Encode(title)}</title>
          <link rel="stylesheet" href="{stylesheet}">
        </head>
        <body>
        {body}
        </body>
        </html>
        """;
}

using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Asystent.Bot.Conversation;
using Asystent.Bot.Search;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.Bot.Admin.Cards;

/// <summary>The three ways a resident meets an edited card, rendered by the code that renders them for real.</summary>
internal sealed record CardPreviewDto(string? Problem, string Chat, string Card, string Print);

/// <summary>
/// Previews an edited card as the chat answer (<see cref="CardAnswer.Write"/>), as the /search card
/// page (<see cref="CardPage.Render"/>) and as that page printed: the page with search.css's print
/// rules applied on screen, on an A4-wide sheet.
/// </summary>
internal static partial class CardPreview
{
    private static readonly HtmlEncoder Html = Hosting.HtmlPage.Encoder;

    public static CardPreviewDto Render(ServiceCard card, CardCatalogue catalogue, Language language, DateTimeOffset officeNow, string pageUrl, string printRules)
    {
        if (catalogue.Office.FindUnit(card.Unit) is null)
        {
            return new CardPreviewDto("Podgląd pojawi się, gdy karta wskaże istniejący wydział.", "", "", "");
        }

        var chat = Markdown(CardAnswer.Write(card, catalogue, language, officeNow));
        var page = CardPage.Render(card, catalogue, language, officeNow, pageUrl);
        // The preview frames are sandboxed without scripts; the page's own links must not navigate them away.
        var print = page.Replace("</head>", $"<style>{printRules}\nbody {{ width: 186mm; margin: 0 auto; }}</style></head>", StringComparison.Ordinal);
        return new CardPreviewDto(null, chat, page, print);
    }

    /// <summary>The rules inside search.css's <c>@media print</c> block, to apply them on screen.</summary>
    public static string PrintRules(string css)
    {
        var start = css.IndexOf("@media print", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var open = css.IndexOf('{', start);
        var depth = 0;
        for (var i = open; i < css.Length; i++)
        {
            depth += css[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return PageRule().Replace(css[(open + 1)..i], "");
            }
        }

        return "";
    }

    // The chat shows Markdown: bold, list items and paragraphs are enough for what CardAnswer writes.
    private static string Markdown(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(paragraph =>
        {
            var encoded = Bold().Replace(Html.Encode(paragraph), "<strong>$1</strong>");
            return "<p>" + encoded.Replace("&#xA;", "<br>", StringComparison.Ordinal) + "</p>";
        });
        return string.Concat(paragraphs);
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"@page\s*\{[^}]*\}")]
    private static partial Regex PageRule();
}

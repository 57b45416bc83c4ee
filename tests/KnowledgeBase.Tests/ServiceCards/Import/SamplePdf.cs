using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Asystent.KnowledgeBase.Tests.ServiceCards.Import;

/// <summary>
/// Renders a sample card as a PDF in one of three office layouts (see Samples/README.md), with DejaVu
/// Sans embedded so that Polish letters survive. Lines are wrapped at the page width as Word would.
/// </summary>
internal sealed class SamplePdf
{
    public enum Layout
    {
        /// <summary>"Heading:" in bold, "•" bullets with a hanging indent, wrapped lines.</summary>
        Paragraphs,

        /// <summary>Two columns: the heading in capitals on the left (wrapped in its column), the content on the right.</summary>
        Table,

        /// <summary>"I. HEADING" in bold capitals; items keep their own "1)" marks.</summary>
        Numbered,
    }

    private const string FontFolder = "/usr/share/fonts/truetype/dejavu";
    private const double Left = 50, Right = 545, Top = 790, Bottom = 60, Size = 10, Leading = 14;
    private const double HeadingColumnWidth = 120, ContentColumn = 200;

    private readonly PdfDocumentBuilder builder = new();
    private readonly PdfDocumentBuilder.AddedFont regular;
    private readonly PdfDocumentBuilder.AddedFont bold;
    private PdfPageBuilder page;
    private double y = Top;

    private SamplePdf()
    {
        var regularFile = Path.Combine(FontFolder, "DejaVuSans.ttf");
        Assert.True(File.Exists(regularFile), $"{regularFile} is missing: install Debian's fonts-dejavu-core (./test.sh does)");
        regular = builder.AddTrueTypeFont(File.ReadAllBytes(regularFile));
        bold = builder.AddTrueTypeFont(File.ReadAllBytes(Path.Combine(FontFolder, "DejaVuSans-Bold.ttf")));
        page = builder.AddPage(PageSize.A4);
    }

    public static byte[] Render(SampleCard card, Layout layout)
    {
        var pdf = new SamplePdf();
        foreach (var (line, i) in card.Preamble.Select((l, i) => (l, i)))
        {
            pdf.Write(line, Left, Right, i == 0 ? pdf.bold : pdf.regular);
        }

        pdf.y -= Leading / 2;
        for (var i = 0; i < card.Sections.Count; i++)
        {
            var section = card.Sections[i];
            switch (layout)
            {
                case Layout.Paragraphs:
                    pdf.Write(section.Heading + ":", Left, Right, pdf.bold);
                    pdf.Content(section.Lines, Left, "•");
                    break;
                case Layout.Numbered:
                    pdf.Write($"{Roman(i + 1)}. {section.Heading.ToUpperInvariant()}", Left, Right, pdf.bold);
                    pdf.Content(section.Lines, Left, "•");
                    break;
                case Layout.Table:
                    pdf.TableRow(section);
                    break;
            }

            pdf.y -= Leading / 2;
        }

        return pdf.builder.Build();
    }

    /// <summary>The heading wrapped in the left column, the content in the right one, starting on the same line.</summary>
    private void TableRow(SampleSection section)
    {
        NewPageIfNeeded(Leading * 3);
        var top = y;
        var headingLines = Wrap(section.Heading.ToUpperInvariant(), HeadingColumnWidth, bold);
        foreach (var line in headingLines)
        {
            page.AddText(line, Size, new PdfPoint(Left, y), bold);
            y -= Leading;
        }

        var afterHeading = y;
        y = top;
        Content(section.Lines, ContentColumn, "–");
        y = Math.Min(y, afterHeading);
        page.DrawLine(new PdfPoint(Left, y + Leading - 4), new PdfPoint(Right, y + Leading - 4), 0.5);
    }

    private void Content(IEnumerable<string> lines, double left, string bullet)
    {
        foreach (var line in lines)
        {
            if (SampleLine.IsItem(line))
            {
                page.AddText(bullet, Size, new PdfPoint(left + 4, y), regular);
                Write(SampleLine.ItemText(line), left + 16, Right, regular);
            }
            else if (SampleLine.IsRow(line))
            {
                var cells = SampleLine.Cells(line);
                NewPageIfNeeded(Leading);
                page.AddText(cells[0], Size, new PdfPoint(left + 16, y), regular);
                page.AddText(cells[1], Size, new PdfPoint(Right - Width(cells[1], regular), y), regular);
                y -= Leading;
            }
            else
            {
                Write(line, left, Right, regular);
            }
        }
    }

    private void Write(string text, double left, double right, PdfDocumentBuilder.AddedFont font)
    {
        foreach (var line in Wrap(text, right - left, font))
        {
            NewPageIfNeeded(Leading);
            page.AddText(line, Size, new PdfPoint(left, y), font);
            y -= Leading;
        }
    }

    private List<string> Wrap(string text, double width, PdfDocumentBuilder.AddedFont font)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Width(candidate, font) > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        lines.Add(current);
        return lines;
    }

    private double Width(string text, PdfDocumentBuilder.AddedFont font)
    {
        var letters = page.MeasureText(text, Size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X;
    }

    private void NewPageIfNeeded(double height)
    {
        if (y - height < Bottom)
        {
            page = builder.AddPage(PageSize.A4);
            y = Top;
        }
    }

    private static string Roman(int n) => n switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", 10 => "X", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

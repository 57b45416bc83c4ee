using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// Reads the text of a PDF karta usługi line by line. Words on one baseline form a line; a gap much wider
/// than a space splits the line into cells, so a two-column table ("Opłaty | 17 zł") reads as a row.
/// Lines the page width cut are joined back into paragraphs, and a heading wrapped inside a table's
/// first column is joined back into one heading.
/// </summary>
internal static class PdfCardText
{
    // A gap wider than this many font sizes separates table columns; word spaces are about a quarter of one.
    private const double ColumnGapInFontSizes = 1.6;

    // A line ending within this many font sizes of the text's right edge was probably cut by the width:
    // the next word (up to about twelve letters) did not fit.
    private const double WrapZoneInFontSizes = 8;

    // Lines whose words start within this distance (points) share a column.
    private const double SameColumn = 2;

    /// <summary>One line of a page: its cells, where each cell starts, where the line ends, and its font size.</summary>
    private sealed record PdfLine(List<string> Cells, List<double> CellLefts, double Right, double FontSize)
    {
        public double Left => CellLefts[0];
    }

    public static IReadOnlyList<CardTextBlock> Read(byte[] content, out int pagesWithoutText)
    {
        using var document = PdfDocument.Open(content);
        var blocks = new List<CardTextBlock>();
        pagesWithoutText = 0;
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            if (words.Count == 0)
            {
                pagesWithoutText++;
                continue;
            }

            var lines = GroupIntoLines(words).Select(ToLine).ToList();
            var textRight = lines.Max(l => l.Right);
            blocks.AddRange(JoinWrappedLines(JoinWrappedHeadings(lines), textRight).Select(l => new CardTextBlock(l.Cells)));
        }

        return blocks;
    }

    /// <summary>
    /// A heading too long for a table's first column wraps ("WYMAGANE" / "DOKUMENTY"), each part on a line
    /// of its own beside the content's lines. Parts in the same column that together make a known heading
    /// become one row: the whole heading, then the content of those lines.
    /// </summary>
    private static List<PdfLine> JoinWrappedHeadings(List<PdfLine> lines)
    {
        var joined = new List<PdfLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var span = 3;
            for (; span >= 2; span--)
            {
                if (i + span <= lines.Count
                    && lines.GetRange(i, span).All(p => Math.Abs(p.Left - lines[i].Left) <= SameColumn)
                    && CardSectionHeadings.MatchLine(string.Join(' ', lines.GetRange(i, span).Select(p => p.Cells[0]))) is { Content.Length: 0 })
                {
                    break;
                }
            }

            if (span < 2)
            {
                joined.Add(lines[i]);
                continue;
            }

            var parts = lines.GetRange(i, span);
            var heading = string.Join(' ', parts.Select(p => p.Cells[0]));
            var content = parts.Where(p => p.Cells.Count > 1).Select(p => string.Join(' ', p.Cells.Skip(1))).ToList();
            var contentLeft = parts.Where(p => p.Cells.Count > 1).Select(p => p.CellLefts[1]).DefaultIfEmpty(lines[i].Left).First();
            joined.Add(content.Count > 0
                ? new PdfLine([heading, string.Join('\n', content)], [lines[i].Left, contentLeft], parts[^1].Right, lines[i].FontSize)
                : new PdfLine([heading], [lines[i].Left], parts[^1].Right, lines[i].FontSize));
            i += span - 1;
        }

        return joined;
    }

    /// <summary>
    /// Joins a line that reaches the right edge of the text with the next one when that one goes on in
    /// the same column (or under a hanging indent) and starts neither a list item nor a heading.
    /// </summary>
    private static List<PdfLine> JoinWrappedLines(List<PdfLine> lines, double textRight)
    {
        var joined = new List<PdfLine>();
        foreach (var line in lines)
        {
            var previous = joined.Count > 0 ? joined[^1] : null;
            var continues = previous is not null
                && line.Cells.Count == 1
                && previous.Right >= textRight - WrapZoneInFontSizes * previous.FontSize
                && line.Left >= previous.CellLefts[^1] - SameColumn
                && !CardListItems.StartsWithBullet(line.Cells[0])
                && CardSectionHeadings.MatchLine(line.Cells[0]) is null;
            if (continues)
            {
                var cells = previous!.Cells.ToList();
                cells[^1] += " " + line.Cells[0];
                joined[^1] = previous with { Cells = cells, Right = line.Right };
            }
            else
            {
                joined.Add(line);
            }
        }

        return joined;
    }

    /// <summary>Lines from the top of the page down; words whose baselines differ by less than half their height share a line.</summary>
    private static IEnumerable<List<Word>> GroupIntoLines(List<Word> words)
    {
        var lines = new List<(double Baseline, double Height, List<Word> Words)>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var height = Math.Max(word.BoundingBox.Height, 1);
            var index = lines.FindIndex(l => Math.Abs(l.Baseline - word.BoundingBox.Bottom) < Math.Max(l.Height, height) / 2);
            if (index < 0)
            {
                lines.Add((word.BoundingBox.Bottom, height, [word]));
            }
            else
            {
                lines[index].Words.Add(word);
            }
        }

        return lines.OrderByDescending(l => l.Baseline).Select(l => l.Words.OrderBy(w => w.BoundingBox.Left).ToList());
    }

    private static PdfLine ToLine(List<Word> line)
    {
        var fontSize = line.SelectMany(w => w.Letters).Select(l => l.PointSize).Where(s => s > 0).DefaultIfEmpty(line.Max(w => w.BoundingBox.Height)).Average();
        var cells = new List<string>();
        var lefts = new List<double> { line[0].BoundingBox.Left };
        var current = new List<string> { line[0].Text };
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].BoundingBox.Left - line[i - 1].BoundingBox.Right;
            if (gap > ColumnGapInFontSizes * fontSize)
            {
                cells.Add(string.Join(' ', current));
                lefts.Add(line[i].BoundingBox.Left);
                current = [];
            }

            current.Add(line[i].Text);
        }

        cells.Add(string.Join(' ', current));
        return new PdfLine(cells, lefts, line[^1].BoundingBox.Right, fontSize);
    }
}

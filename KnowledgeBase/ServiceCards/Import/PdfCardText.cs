using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// Reads the text of a PDF karta usługi line by line. Words on one baseline form a line; a gap much wider
/// than a space splits the line into cells, so a two-column table ("Opłaty | 17 zł") reads as a row.
/// </summary>
internal static class PdfCardText
{
    // A gap wider than this many font sizes separates table columns; word spaces are about a quarter of one.
    private const double ColumnGapInFontSizes = 1.6;

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

            foreach (var line in GroupIntoLines(words))
            {
                blocks.Add(new CardTextBlock(SplitIntoCells(line)));
            }
        }

        return blocks;
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

    private static List<string> SplitIntoCells(List<Word> line)
    {
        var fontSize = line.SelectMany(w => w.Letters).Select(l => l.PointSize).Where(s => s > 0).DefaultIfEmpty(line.Max(w => w.BoundingBox.Height)).Average();
        var cells = new List<string>();
        var current = new List<string> { line[0].Text };
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].BoundingBox.Left - line[i - 1].BoundingBox.Right;
            if (gap > ColumnGapInFontSizes * fontSize)
            {
                cells.Add(string.Join(' ', current));
                current = [];
            }

            current.Add(line[i].Text);
        }

        cells.Add(string.Join(' ', current));
        return cells;
    }
}

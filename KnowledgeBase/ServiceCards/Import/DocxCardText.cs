using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>Reads the text of a DOCX karta usługi: paragraphs line by line, tables row by row with their cells.</summary>
internal static class DocxCardText
{
    // A karta usługi is a few pages; the cap stops a crafted file from inflating into gigabytes of text.
    private const long MaxCharactersInPart = 10_000_000;

    public static IReadOnlyList<CardTextBlock> Read(Stream content)
    {
        using var document = WordprocessingDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("the document has no main text part");
        var blocks = new List<CardTextBlock>();
        foreach (var element in body.ChildElements)
        {
            Add(element, blocks);
        }

        return blocks;
    }

    private static void Add(OpenXmlElement element, List<CardTextBlock> blocks)
    {
        switch (element)
        {
            case Paragraph paragraph:
                foreach (var line in Lines(ParagraphText(paragraph)))
                {
                    blocks.Add(CardTextBlock.Line(line));
                }

                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                {
                    var cells = row.Elements<TableCell>().Select(CellText).ToList();
                    // Merged or spacer cells are empty; what is left decides whether it is still a row.
                    cells.RemoveAll(string.IsNullOrWhiteSpace);
                    if (cells.Count > 0)
                    {
                        blocks.Add(new CardTextBlock(cells));
                    }
                }

                break;
            case SdtBlock content:
                foreach (var child in content.SdtContentBlock?.ChildElements ?? [])
                {
                    Add(child, blocks);
                }

                break;
        }
    }

    /// <summary>A cell's paragraphs (and nested tables, flattened) as lines.</summary>
    private static string CellText(TableCell cell)
    {
        var lines = new List<string>();
        foreach (var element in cell.ChildElements)
        {
            if (element is Paragraph paragraph)
            {
                lines.AddRange(Lines(ParagraphText(paragraph)));
            }
            else if (element is Table nested)
            {
                lines.AddRange(nested.Descendants<TableRow>()
                    .Select(r => string.Join(" ", r.Elements<TableCell>().Select(CellText).Where(t => t.Length > 0))));
            }
        }

        return string.Join('\n', lines.Where(l => l.Length > 0));
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Replace('\u00a0', ' ').Trim()).Where(l => l.Length > 0);
}

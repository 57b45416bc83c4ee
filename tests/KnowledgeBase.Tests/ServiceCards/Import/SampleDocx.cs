using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asystent.KnowledgeBase.Tests.ServiceCards.Import;

/// <summary>Renders a sample card as a DOCX in one of three office layouts (see Samples/README.md).</summary>
internal static class SampleDocx
{
    public enum Layout
    {
        /// <summary>"Heading:" as a bold paragraph; list items as Word list paragraphs (the bullet is numbering, not text).</summary>
        Paragraphs,

        /// <summary>One two-column table: the heading in capitals on the left, the content on the right.</summary>
        Table,

        /// <summary>"3. HEADING" paragraphs; items keep their own "a)" marks; table rows become a table.</summary>
        Numbered,
    }

    private const int BulletNumbering = 1;

    public static byte[] Render(SampleCard card, Layout layout)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddBulletNumbering(main);
            var body = main.Document.Body!;
            foreach (var (line, i) in card.Preamble.Select((l, i) => (l, i)))
            {
                body.Append(Paragraph(line, bold: i == 0, centred: true));
            }

            if (layout == Layout.Table)
            {
                body.Append(SectionsTable(card));
            }
            else
            {
                for (var i = 0; i < card.Sections.Count; i++)
                {
                    var section = card.Sections[i];
                    body.Append(layout == Layout.Numbered
                        ? Paragraph($"{i + 1}. {section.Heading.ToUpperInvariant()}", bold: true)
                        : Paragraph(section.Heading + ":", bold: true));
                    AppendContent(body, section.Lines, layout);
                }
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }));
        }

        return stream.ToArray();
    }

    private static void AppendContent(OpenXmlCompositeElement container, IEnumerable<string> lines, Layout layout)
    {
        Table? table = null;
        foreach (var line in lines)
        {
            if (SampleLine.IsRow(line))
            {
                if (table is null)
                {
                    table = NewTable();
                    container.Append(table);
                }

                table.Append(new TableRow(SampleLine.Cells(line).Select(c => new TableCell(Paragraph(c)))));
                continue;
            }

            table = null;
            if (SampleLine.IsItem(line))
            {
                container.Append(layout == Layout.Paragraphs
                    ? ListParagraph(SampleLine.ItemText(line))
                    : Paragraph("• " + SampleLine.ItemText(line)));
            }
            else
            {
                container.Append(Paragraph(line));
            }
        }
    }

    private static Table SectionsTable(SampleCard card)
    {
        var table = NewTable();
        foreach (var section in card.Sections)
        {
            var content = new TableCell(new TableCellProperties(new TableCellWidth { Width = "6500", Type = TableWidthUnitValues.Dxa }));
            AppendContent(content, section.Lines.Select(l => SampleLine.IsItem(l) ? "– " + SampleLine.ItemText(l) : l), Layout.Table);
            table.Append(new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Width = "2500", Type = TableWidthUnitValues.Dxa }), Paragraph(section.Heading.ToUpperInvariant(), bold: true)),
                content));
        }

        return table;
    }

    private static Table NewTable() => new(new TableProperties(
        new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));

    private static Paragraph Paragraph(string text, bool bold = false, bool centred = false)
    {
        var properties = new ParagraphProperties();
        if (centred)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }

        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return new Paragraph(properties, run);
    }

    private static Paragraph ListParagraph(string text) => new(
        new ParagraphProperties(
            new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumbering })),
        new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>A real bullet list definition, so Word shows the bullets the text does not contain.</summary>
    private static void AddBulletNumbering(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new Level(
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 0 },
            new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = BulletNumbering });
    }
}

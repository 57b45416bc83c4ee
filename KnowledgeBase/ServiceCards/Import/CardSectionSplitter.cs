using System.Text.RegularExpressions;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// Splits a karta usługi into sections by its headings, whichever way the office laid them out:
/// headings as paragraphs (numbered or not, upper case or not, with a colon or with the content after
/// the colon), or a table with the heading in the first column and the content in the others.
/// </summary>
internal static partial class CardSectionSplitter
{
    public static CardSections Split(IReadOnlyList<CardTextBlock> blocks, bool wrapped)
    {
        var preamble = new List<string>();
        var sections = new List<CardSection>();
        CardSectionKind? currentKind = null;
        string currentHeading = "";
        var currentLines = new List<string>();

        void Open(CardSectionKind kind, string heading, IEnumerable<string> content)
        {
            Close();
            currentKind = kind;
            currentHeading = heading;
            currentLines.AddRange(content);
        }

        void Close()
        {
            if (currentKind is { } kind)
            {
                sections.Add(new CardSection(kind, currentHeading, currentLines.ToList()));
            }

            currentLines.Clear();
        }

        void Append(IEnumerable<string> lines) => (currentKind is null ? preamble : currentLines).AddRange(lines);

        foreach (var block in blocks)
        {
            if (block.IsRow && RowHeading(block) is { } row && (row.Kind != currentKind || IsExactHeading(row.Label)))
            {
                Open(row.Kind, Flatten(row.Label), block.Cells.Skip(row.ContentFrom).SelectMany(SplitLines));
                continue;
            }

            if (block.IsRow)
            {
                // A row inside a section ("dowód rejestracyjny | 54,00 zł") is one line of its content.
                Append([string.Join(" ", block.Cells.Select(Flatten))]);
                continue;
            }

            foreach (var line in SplitLines(block.Cells[0]))
            {
                if (CardSectionHeadings.MatchLine(line) is { } heading
                    && (heading.Content.Length == 0 || heading.Kind != currentKind))
                {
                    Open(heading.Kind, heading.Heading, heading.Content.Length > 0 ? [heading.Content] : []);
                }
                else
                {
                    Append([line]);
                }
            }
        }

        Close();
        return new CardSections(preamble, sections, wrapped);
    }

    /// <summary>The heading of a table row: its first cell, or its second when the first is only a number ("3." | "Opłaty" | …).</summary>
    private static (CardSectionKind Kind, string Label, int ContentFrom)? RowHeading(CardTextBlock row)
    {
        if (CardSectionHeadings.MatchCell(row.Cells[0]) is { } kind)
        {
            return (kind, row.Cells[0], 1);
        }

        if (row.Cells.Count > 2 && IsNumberOnly(row.Cells[0]) && CardSectionHeadings.MatchCell(row.Cells[1]) is { } numbered)
        {
            return (numbered, row.Cells[1], 2);
        }

        return null;
    }

    private static bool IsExactHeading(string label) => CardSectionHeadings.MatchLine(Flatten(label)) is { Content.Length: 0 };

    private static bool IsNumberOnly(string cell) => NumberOnly().IsMatch(cell);

    private static string Flatten(string cell) => string.Join(' ', SplitLines(cell)).TrimEnd(':', ' ');

    private static IEnumerable<string> SplitLines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    [GeneratedRegex(@"^\s*(\d{1,2}|[IVXivx]{1,4})[.)]?\s*$")]
    private static partial Regex NumberOnly();
}

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// One block of an office's document in reading order: a paragraph line (one cell), or a table row
/// (a DOCX row, or a PDF line whose words sit in columns far apart) with one text per cell. A cell may
/// hold several lines. Keeping rows apart lets the splitter read "heading | content" tables.
/// </summary>
internal sealed record CardTextBlock(IReadOnlyList<string> Cells)
{
    public bool IsRow => Cells.Count > 1;

    public static CardTextBlock Line(string text) => new([text]);
}

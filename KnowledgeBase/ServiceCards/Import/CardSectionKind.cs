namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>The parts of a karta usługi the importer tells apart. <see cref="Other"/> marks headings it knows but does not map.</summary>
internal enum CardSectionKind
{
    Title,
    LegalBasis,
    Documents,
    Fees,
    Deadline,
    Place,
    Contact,
    Appeal,
    Procedure,
    Forms,
    Notes,
    Hours,
    Other,
}

/// <summary>One section of the document: the heading as written and the lines under it.</summary>
internal sealed record CardSection(CardSectionKind Kind, string Heading, IReadOnlyList<string> Lines);

/// <summary>The document split into sections; the preamble is what comes before the first heading (office name, card number, often the title).</summary>
/// <param name="Wrapped">True when lines may be parts of one paragraph cut at the page width (PDF).</param>
internal sealed record CardSections(IReadOnlyList<string> Preamble, IReadOnlyList<CardSection> Sections, bool Wrapped)
{
    public IEnumerable<CardSection> OfKind(CardSectionKind kind) => Sections.Where(s => s.Kind == kind);

    /// <summary>All lines of every section of a kind, in document order (a card may give fees under two headings).</summary>
    public IReadOnlyList<string> LinesOf(CardSectionKind kind) => OfKind(kind).SelectMany(s => s.Lines).ToList();
}

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// What the importer took from an office's document, before it is written as a card file. Null or empty
/// means the document did not say; the YAML writer marks those fields for staff.
/// </summary>
internal sealed class CardDraft
{
    public required string Id { get; init; }
    public required string SourceName { get; init; }
    public string? Unit { get; set; }
    public string? Title { get; set; }
    public ImportedPlace? Place { get; set; }

    /// <summary>The place section as written (department, address, hours): kept as a comment, the card takes only building, floor, room and desk.</summary>
    public string? PlaceText { get; set; }

    public List<string> Steps { get; } = [];
    public List<string> Documents { get; } = [];
    public List<ImportedFee> Fees { get; } = [];
    public string? Payment { get; set; }
    public string? Deadline { get; set; }
    public List<string> LegalBasis { get; } = [];
    public ImportedContact Contact { get; set; } = new([], []);
    public string? Appeal { get; set; }

    /// <summary>Sections the card has no field for (notes, forms, hours, who may apply), kept as comments for the summary and steps.</summary>
    public List<CardSection> Unmapped { get; } = [];

    public List<string> Warnings { get; } = [];
}

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>What the importer is asked for besides the document: the card's id and unit, when staff already know them.</summary>
public sealed record CardImportRequest(string? Id = null, string? Unit = null);

/// <summary>The outcome of importing one document: a draft card, or a reason it could not be read.</summary>
public abstract record CardImportResult;

/// <summary>
/// A draft card made from an office's karta usługi. <see cref="Yaml"/> is a card file in today's format
/// (Polish only, comments mark what staff must finish); it parses with the card reader but is not meant
/// to validate until staff finish it. Field names are the YAML's ("documents.pl", "fees", "where").
/// </summary>
public sealed record ImportedCard(
    string Id,
    string Yaml,
    IReadOnlyList<string> FieldsFilled,
    IReadOnlyList<string> FieldsLeft,
    IReadOnlyList<string> Warnings,
    ImportedContact Contact,
    string? Appeal) : CardImportResult;

/// <summary>The document could not be imported; <see cref="Message"/> says why in words staff understand.</summary>
public sealed record CardImportFailure(string Message) : CardImportResult;

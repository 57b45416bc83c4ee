using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// Turns an office's karta usługi (DOCX or PDF, as published on its BIP) into a draft card for staff to
/// finish. Thread-safe: it keeps no state between calls and reads _office.yaml afresh each time, so a
/// unit added while the Bot runs is known to the next import. Never throws for a bad document: an
/// unreadable, unknown or empty file comes back as a <see cref="CardImportFailure"/> that says why.
/// </summary>
public sealed class ServiceCardImporter(KnowledgeBaseOptions options, TimeProvider clock)
{
    /// <summary>Offices' cards are a few hundred kilobytes; anything this large is not one.</summary>
    public const int MaxDocumentBytes = 20 * 1024 * 1024;

    public async Task<CardImportResult> ImportAsync(Stream content, string fileName, CardImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                return new CardImportFailure($"'{fileName}' is larger than {MaxDocumentBytes / 1024 / 1024} MB; a karta usługi is a few pages long.");
            }

            buffer.Write(chunk, 0, read);
        }

        return Import(buffer.ToArray(), fileName, request);
    }

    public CardImportResult Import(byte[] content, string fileName, CardImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(request);
        var name = Path.GetFileName(fileName);
        if (content.Length == 0)
        {
            return new CardImportFailure($"'{name}' is empty.");
        }

        if (content.Length > MaxDocumentBytes)
        {
            return new CardImportFailure($"'{name}' is larger than {MaxDocumentBytes / 1024 / 1024} MB; a karta usługi is a few pages long.");
        }

        var warnings = new List<string>();
        IReadOnlyList<CardTextBlock> blocks;
        var format = CardDocumentFormat.Detect(content);
        switch (format)
        {
            case CardDocumentFormat.Kind.Docx:
                try
                {
                    blocks = DocxCardText.Read(new MemoryStream(content, writable: false));
                }
                // System.IO.Packaging reports a damaged zip as FileFormatException (a FormatException), OpenXml its parts with the others.
                catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or FormatException or NotSupportedException)
                {
                    return new CardImportFailure($"'{name}' could not be read as a Word document (DOCX): the file is damaged or not a Word document.");
                }

                break;
            case CardDocumentFormat.Kind.Pdf:
                try
                {
                    blocks = PdfCardText.Read(content, out var pagesWithoutText);
                    if (pagesWithoutText > 0 && blocks.Count > 0)
                    {
                        warnings.Add($"{pagesWithoutText} page(s) of the PDF have no text (scanned?); their content is missing from the draft");
                    }
                }
                catch (PdfDocumentEncryptedException)
                {
                    return new CardImportFailure($"'{name}' is a password-protected PDF; save an unprotected copy and import that.");
                }
                catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or InvalidCastException or NullReferenceException or FormatException)
                {
                    // PdfPig reports damaged files with several exception types; all of them mean the same to staff.
                    return new CardImportFailure($"'{name}' could not be read as a PDF: the file is damaged.");
                }

                break;
            case CardDocumentFormat.Kind.LegacyWord:
                return new CardImportFailure($"'{name}' is an old Word document (.doc); open it in Word or LibreOffice, save it as .docx or PDF and import that.");
            default:
                return new CardImportFailure($"'{name}' is neither a Word document (.docx) nor a PDF; only those two formats can be imported.");
        }

        if (blocks.Count == 0)
        {
            return new CardImportFailure($"'{name}' contains no text. If it is a scan, it needs text recognition (OCR) first; the importer reads text only.");
        }

        var sections = CardSectionSplitter.Split(blocks, wrapped: format == CardDocumentFormat.Kind.Pdf);
        if (!sections.Sections.Any(s => s.Kind is CardSectionKind.Documents or CardSectionKind.Fees or CardSectionKind.Deadline or CardSectionKind.LegalBasis))
        {
            return new CardImportFailure($"'{name}' does not look like a karta usługi: none of the usual headings (Wymagane dokumenty, Opłaty, Termin załatwienia sprawy, Podstawa prawna) was found.");
        }

        var draft = CardDraftMapper.Map(sections, name, request, ReadOffice(warnings));
        if (File.Exists(Path.Combine(options.CardsPath, draft.Id + ".yaml")))
        {
            warnings.Add($"a card '{draft.Id}' already exists; publishing the draft under this id would replace it; choose another id or merge by hand");
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var yaml = CardDraftYamlWriter.Write(draft, today);
        return new ImportedCard(draft.Id, yaml.Text, yaml.Filled, yaml.Left, [.. warnings, .. draft.Warnings], draft.Contact, draft.Appeal);
    }

    private OfficeDirectory? ReadOffice(List<string> warnings)
    {
        var path = Path.Combine(options.CardsPath, CardLoader.OfficeFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return CardFileReader.ReadOffice(path);
        }
        catch (InvalidDataException e)
        {
            warnings.Add($"_office.yaml could not be read ({e.Message}); the unit was not checked");
            return null;
        }
    }
}

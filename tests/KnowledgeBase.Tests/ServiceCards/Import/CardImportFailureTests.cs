using System.Text;
using Asystent.KnowledgeBase.ServiceCards.Import;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Asystent.KnowledgeBase.Tests.ServiceCards.Import;

/// <summary>Files that are not a readable karta usługi come back as a failure with one clear sentence, never an exception.</summary>
public sealed class CardImportFailureTests(KnowledgeBaseFixture kb)
{
    private CardImportResult Import(byte[] content, string name) =>
        new ServiceCardImporter(kb.Options, TimeProvider.System).Import(content, name, new CardImportRequest());

    private static string FailureOf(CardImportResult result) => Assert.IsType<CardImportFailure>(result).Message;

    [Fact]
    public void An_empty_file_is_reported_as_empty() =>
        Assert.Equal("'karta.docx' is empty.", FailureOf(Import([], "/uploads/karta.docx")));

    [Fact]
    public void A_truncated_pdf_is_reported_as_damaged()
    {
        var pdf = CardImportSampleTests.Render("os-karta-wedkarska", "pdf-numbered");
        Assert.Equal("'karta.pdf' could not be read as a PDF: the file is damaged.", FailureOf(Import(pdf[..(pdf.Length / 3)], "karta.pdf")));
    }

    [Fact]
    public void A_truncated_docx_is_reported_as_damaged()
    {
        var docx = CardImportSampleTests.Render("kt-prawo-jazdy", "docx-table");
        Assert.StartsWith("'karta.docx' could not be read as a Word document (DOCX)", FailureOf(Import(docx[..(docx.Length / 2)], "karta.docx")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_word_document_is_told_to_be_saved_as_docx_or_pdf() =>
        Assert.Contains("save it as .docx or PDF", FailureOf(Import([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "karta.doc")), StringComparison.Ordinal);

    [Fact]
    public void A_file_of_another_kind_is_named_for_what_it_is_not_whatever_its_name() =>
        Assert.Equal("'karta.pdf' is neither a Word document (.docx) nor a PDF; only those two formats can be imported.",
            FailureOf(Import(Encoding.UTF8.GetBytes("Opłaty: 17 zł"), "karta.pdf")));

    [Fact]
    public void A_pdf_without_text_is_told_to_need_text_recognition()
    {
        using var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(50, 50), 200, 100);
        Assert.Contains("contains no text", FailureOf(Import(builder.Build(), "skan.pdf")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_any_heading_of_a_karta_uslugi_is_not_taken_for_one()
    {
        var letter = SampleDocx.Render(new SampleCard("letter", ["Szanowni Państwo,", "dziękujemy za udział w konsultacjach.", "Z poważaniem"], []), SampleDocx.Layout.Paragraphs);
        Assert.Contains("does not look like a karta usługi", FailureOf(Import(letter, "pismo.docx")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_larger_than_the_limit_is_refused_without_reading_it_all()
    {
        using var huge = new MemoryStream(new byte[ServiceCardImporter.MaxDocumentBytes + 1]);
        var result = await new ServiceCardImporter(kb.Options, TimeProvider.System)
            .ImportAsync(huge, "karta.pdf", new CardImportRequest(), TestContext.Current.CancellationToken);
        Assert.Contains("is larger than 20 MB", FailureOf(result), StringComparison.Ordinal);
    }
}

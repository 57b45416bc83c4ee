using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Asystent.Indexer.Tests;

/// <summary>`Indexer import-card` against a temporary root with the shipped office directory, as staff run it.</summary>
public sealed class ImportCardCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("asystent-import-card-").FullName;

    public ImportCardCommandTests()
    {
        var repository = KnowledgeBase.AssistantRoot.Locate();
        var cards = Path.Combine(root, "cards");
        Directory.CreateDirectory(cards);
        File.Copy(Path.Combine(repository, "content", "cards", "_office.yaml"), Path.Combine(cards, "_office.yaml"));
        File.WriteAllText(Path.Combine(root, "appsettings.json"), """
            { "KnowledgeBase": { "CardsPath": "cards" }, "ConnectionStrings": { "Assistant": "Data Source=assistant.db" } }
            """);
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await IndexerApp.RunAsync(args, output, root);
        return (exit, output.ToString());
    }

    /// <summary>A short karta usługi as an office writes it in Word: headings as paragraphs with colons.</summary>
    private string WriteDocx(string name)
    {
        var path = Path.Combine(root, name);
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var body = new Body();
        foreach (var line in new[]
        {
            "STAROSTWO POWIATOWE W PRZYKŁADOWIE", "KARTA USŁUGI nr KT-07",
            "Nazwa usługi:", "Wymiana prawa jazdy z powodu upływu terminu ważności",
            "Podstawa prawna:", "Ustawa z dnia 5 stycznia 2011 r. o kierujących pojazdami (Dz. U. z 2024 r. poz. 1210)",
            "Wymagane dokumenty:", "– wniosek o wymianę prawa jazdy", "– aktualna fotografia 35 × 45 mm", "– dotychczasowe prawo jazdy",
            "Opłaty:", "– wydanie prawa jazdy: 100,00 zł", "– opłata ewidencyjna: 0,50 zł",
            "Termin załatwienia sprawy:", "Do 30 dni od złożenia wniosku.",
            "Miejsce załatwienia sprawy:", "Wydział Komunikacji i Transportu, budynek A, parter, stanowiska 4–12",
            "Kontakt: tel. 33 800 10 40, komunikacja@powiat.example",
        })
        {
            body.Append(new Paragraph(new Run(new Text(line))));
        }

        document.AddMainDocumentPart().Document = new Document(body);
        return path;
    }

    [Fact]
    public async Task Import_card_writes_the_draft_and_lists_the_fields_filled_and_left()
    {
        var docx = WriteDocx("karta-kt-07.docx");
        var draft = Path.Combine(root, "draft.yaml");

        var (exit, output) = await RunAsync("import-card", docx, "--out", draft);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Draft card 'wymiana-prawa-jazdy-z-powodu-uplywu-terminu-waznosci' written to", output, StringComparison.Ordinal);
        Assert.Contains("Filled: unit, where, title.pl, documents.pl, fees, deadline.pl, legal_basis", output, StringComparison.Ordinal);
        Assert.Contains("Left for staff: summary, steps.pl, fees[].basis, fees[].since, keywords, verified, translations (en, uk, ru)", output, StringComparison.Ordinal);
        var yaml = File.ReadAllText(draft);
        Assert.Contains("unit: \"KT\"", yaml, StringComparison.Ordinal);
        Assert.Contains("pl: \"Wymiana prawa jazdy z powodu upływu terminu ważności\"", yaml, StringComparison.Ordinal);
        Assert.Contains("  - amount: 100\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    - \"aktualna fotografia 35 × 45 mm\"", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_card_to_standard_output_keeps_the_report_as_yaml_comments_and_takes_the_given_id_and_unit()
    {
        var docx = WriteDocx("karta.docx");

        var (exit, output) = await RunAsync("import-card", docx, "--id", "wymiana-prawa-jazdy-2", "--unit", "KT");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.StartsWith("# Szkic karty", output, StringComparison.Ordinal);
        Assert.Contains("\nid: wymiana-prawa-jazdy-2\n", output, StringComparison.Ordinal);
        Assert.Contains("\n# Filled: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("chosen by", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.pdf", "", "'empty.pdf' is empty.")]
    [InlineData("broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog", "'broken.pdf' could not be read as a PDF: the file is damaged.")]
    [InlineData("broken.docx", "PK\u0003\u0004 not really a zip archive", "'broken.docx' could not be read as a Word document (DOCX)")]
    [InlineData("notes.txt", "Opłaty: 17 zł", "'notes.txt' is neither a Word document (.docx) nor a PDF")]
    public async Task An_unreadable_file_gets_one_clear_sentence_and_exit_code_3_never_a_stack_trace(string name, string content, string message)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, content);

        var (exit, output) = await RunAsync("import-card", path);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_and_bad_options_are_reported_plainly()
    {
        Assert.Equal((ExitCodes.Failure, $"There is no file '{Path.Combine(root, "nope.docx")}'.\n"), await RunAsync("import-card", Path.Combine(root, "nope.docx")));
        Assert.Equal(ExitCodes.Usage, (await RunAsync("import-card")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync("import-card", "a.docx", "--unit")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync("import-card", "a.docx", "--frobnicate", "x")).Exit);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}

using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.ServiceCards.Import;
using Microsoft.Extensions.Time.Testing;

namespace Asystent.KnowledgeBase.Tests.ServiceCards.Import;

/// <summary>
/// Each sample karta usługi (three DOCX layouts, three PDF layouts) becomes a draft card whose fields
/// hold what the document says, and whose YAML the card reader reads back.
/// </summary>
public sealed class CardImportSampleTests(KnowledgeBaseFixture kb) : IDisposable
{
    private readonly TemporaryFolder folder = new();

    /// <summary>What each sample says, as the draft must carry it.</summary>
    private sealed record Expected(
        string Title, string Unit, int Documents, string ADocument, decimal[] Fees, string FirstFeeFor, string Deadline,
        int LegalActs, string FirstActStart, string? Building, int? Floor, string? Room, string? Window,
        string Phone, string Email, string? Appeal, string? Payment);

    private static readonly Dictionary<string, Expected> Samples = new()
    {
        ["kt-rejestracja-sprowadzonego"] = new("Rejestracja pojazdu sprowadzonego z zagranicy", "KT", 6,
            "dowód własności pojazdu (umowa kupna-sprzedaży lub faktura) wraz z tłumaczeniem na język polski",
            [54m, 13.5m, 80m, 12.5m, 2m], "dowód rejestracyjny", "w terminie 30 dni od dnia sprowadzenia pojazdu",
            3, "Ustawa z dnia 20 czerwca 1997 r. – Prawo o ruchu drogowym", "A", 0, null, "4–12",
            "+48 33 800 10 40", "komunikacja@powiat.example", "Samorządowego Kolegium Odwoławczego", "kartą płatniczą przy stanowisku"),
        ["kt-prawo-jazdy"] = new("Wydanie prawa jazdy po zdanym egzaminie", "KT", 2, "dowód osobisty lub paszport do wglądu",
            [100m, 0.5m], "opłata za wydanie prawa jazdy", "Do 2 dni roboczych",
            2, "Ustawa z dnia 5 stycznia 2011 r. o kierujących pojazdami", "A", 0, null, "9",
            "+48 33 800 10 40", "komunikacja@powiat.example", "tryb odwoławczy nie przysługuje", "BLIK"),
        ["gn-wypis-z-rejestru-gruntow"] = new("Wydanie wypisu z rejestru gruntów", "GN", 3, "wniosek o wydanie wypisu (formularz EGiB)",
            [35m, 25m, 17m], "wypis z rejestru gruntów (za dokument)", "nie później niż w ciągu 7 dni",
            2, "ustawa z dnia 17 maja 1989 r. – Prawo geodezyjne i kartograficzne", "B", 1, "105", null,
            "+48 33 800 10 80", "geodezja@powiat.example", null, "przelewem na rachunek Starostwa"),
        ["pzon-karta-parkingowa"] = new("Wydanie karty parkingowej dla osoby niepełnosprawnej", "PZON", 3,
            "orzeczenie o niepełnosprawności lub o stopniu niepełnosprawności zawierające wskazanie do karty parkingowej (oryginał do wglądu)",
            [21m, 21m], "opłata za wydanie karty parkingowej", "Do 30 dni od dnia złożenia kompletnego wniosku",
            2, "Ustawa z dnia 20 czerwca 1997 r. – Prawo o ruchu drogowym", "C", 0, "2–6", null,
            "+48 33 800 11 10", "pzon@powiat.example", "Wojewódzkiego Zespołu do Spraw Orzekania o Niepełnosprawności", "w kasie banku w budynku A"),
        ["ab-pozwolenie-na-budowe"] = new("Pozwolenie na budowę budynku mieszkalnego jednorodzinnego", "AB", 4,
            "trzy egzemplarze projektu zagospodarowania działki oraz projektu architektoniczno-budowlanego",
            [0m, 17m], "pozwolenie na budowę budynku mieszkalnego jednorodzinnego – bez opłat", "Do 65 dni",
            3, "Ustawa z dnia 7 lipca 1994 r. – Prawo budowlane", "B", 2, "201–210", null,
            "+48 33 800 10 70", "budownictwo@powiat.example", "Odwołanie do Wojewody", null),
        ["os-karta-wedkarska"] = new("Wydanie karty wędkarskiej", "OS", 3,
            "zaświadczenie o zdaniu egzaminu ze znajomości przepisów amatorskiego połowu ryb, wydane przez komisję egzaminacyjną Polskiego Związku Wędkarskiego lub innego uprawnionego stowarzyszenia",
            [10m], "opłata administracyjna za wydanie karty wędkarskiej", "Niezwłocznie, do 7 dni",
            2, "Ustawa z dnia 18 kwietnia 1985 r. o rybactwie śródlądowym", "C", 1, "14", null,
            "+48 33 800 10 90", "srodowisko@powiat.example", null, null),
    };

    public static TheoryData<string, string> Documents => new()
    {
        { "kt-rejestracja-sprowadzonego", "docx-paragraphs" },
        { "kt-prawo-jazdy", "docx-table" },
        { "gn-wypis-z-rejestru-gruntow", "docx-numbered" },
        { "pzon-karta-parkingowa", "pdf-paragraphs" },
        { "ab-pozwolenie-na-budowe", "pdf-table" },
        { "os-karta-wedkarska", "pdf-numbered" },
    };

    internal static byte[] Render(string sample, string layout)
    {
        var card = SampleCard.Read(sample);
        return layout switch
        {
            "docx-paragraphs" => SampleDocx.Render(card, SampleDocx.Layout.Paragraphs),
            "docx-table" => SampleDocx.Render(card, SampleDocx.Layout.Table),
            "docx-numbered" => SampleDocx.Render(card, SampleDocx.Layout.Numbered),
            "pdf-paragraphs" => SamplePdf.Render(card, SamplePdf.Layout.Paragraphs),
            "pdf-table" => SamplePdf.Render(card, SamplePdf.Layout.Table),
            "pdf-numbered" => SamplePdf.Render(card, SamplePdf.Layout.Numbered),
            _ => throw new ArgumentOutOfRangeException(nameof(layout)),
        };
    }

    private ServiceCardImporter Importer() =>
        new(kb.Options, new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(1))));

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_sample_karta_uslugi_becomes_a_draft_with_the_documents_fields(string sample, string layout)
    {
        var expected = Samples[sample];
        var fileName = sample + (layout.StartsWith("pdf", StringComparison.Ordinal) ? ".pdf" : ".docx");

        var imported = Assert.IsType<ImportedCard>(Importer().Import(Render(sample, layout), fileName, new CardImportRequest()));

        var draft = ReadBack(imported);
        Assert.Equal(expected.Title, draft.Title.In(Language.Pl));
        Assert.Equal(expected.Unit, draft.Unit);
        Assert.Equal(expected.Documents, draft.Documents.In(Language.Pl)!.Count);
        Assert.Contains(expected.ADocument, draft.Documents.In(Language.Pl)!);
        Assert.Equal(expected.Fees, draft.Fees.Select(f => f.Amount));
        Assert.Equal(expected.FirstFeeFor, draft.Fees[0].For.In(Language.Pl));
        Assert.Contains(expected.Deadline, draft.Deadline.In(Language.Pl), StringComparison.Ordinal);
        Assert.Equal(expected.LegalActs, draft.LegalBasis.Count);
        Assert.StartsWith(expected.FirstActStart, draft.LegalBasis[0], StringComparison.Ordinal);
        Assert.Equal((expected.Building, expected.Floor, expected.Room, expected.Window), (draft.Where?.Building, draft.Where?.Floor, draft.Where?.Room, draft.Where?.Window));
        Assert.Equal([expected.Phone], imported.Contact.Phones);
        Assert.Equal([expected.Email], imported.Contact.Emails);
        if (expected.Appeal is { } appeal)
        {
            Assert.Contains(appeal, imported.Appeal, StringComparison.Ordinal);
            Assert.Contains("# Tryb odwoławczy", imported.Yaml, StringComparison.Ordinal);
        }

        if (expected.Payment is { } payment)
        {
            Assert.Contains(payment, draft.Payment.In(Language.Pl), StringComparison.Ordinal);
        }

        // Polish only: the other languages and the fields no document has are left for staff.
        Assert.Null(draft.Title.In(Language.En));
        Assert.Empty(draft.Keywords);
        Assert.Superset(new HashSet<string> { "title.pl", "documents.pl", "fees", "deadline.pl", "legal_basis", "where", "unit" }, imported.FieldsFilled.ToHashSet());
        Assert.Superset(new HashSet<string> { "summary", "keywords", "verified", "translations (en, uk, ru)", "fees[].basis" }, imported.FieldsLeft.ToHashSet());
        Assert.Contains("DO UZUPEŁNIENIA", imported.Yaml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_draft_fails_validation_only_on_what_staff_must_finish(string sample, string layout)
    {
        var fileName = sample + (layout.StartsWith("pdf", StringComparison.Ordinal) ? ".pdf" : ".docx");
        var imported = Assert.IsType<ImportedCard>(Importer().Import(Render(sample, layout), fileName, new CardImportRequest()));
        var path = Path.Combine(folder.Path, imported.Id + ".yaml");
        File.WriteAllText(path, imported.Yaml);
        var office = CardFileReader.ReadOffice(Path.Combine(kb.Options.CardsPath, CardLoader.OfficeFileName));

        var problems = CardValidator.Validate(CardFileReader.ReadCard(path), office, kb.Catalogue.Booking)
            .Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Field).ToList();

        // What the importer filled is valid (id, unit, where); what is left is exactly the staff's part.
        Assert.DoesNotContain(problems, f => f is "id" or "unit" or "where.room" or "where.window" or "where.building" or "title.pl" or "documents.pl" or "deadline.pl" or "legal_basis");
        Assert.Contains("summary.pl", problems);
        Assert.Contains("title.en", problems);
        Assert.Contains("verified", problems);
    }

    private ServiceCard ReadBack(ImportedCard imported)
    {
        var path = Path.Combine(folder.Path, imported.Id + ".yaml");
        File.WriteAllText(path, imported.Yaml);
        var file = CardFileReader.ReadCard(path);
        Assert.Empty(file.ParseProblems);
        Assert.Equal(imported.Id, file.Card!.Id);
        return file.Card;
    }

    public void Dispose() => folder.Dispose();
}

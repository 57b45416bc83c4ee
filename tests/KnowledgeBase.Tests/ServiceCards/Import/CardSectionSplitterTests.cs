using Asystent.KnowledgeBase.ServiceCards.Import;

namespace Asystent.KnowledgeBase.Tests.ServiceCards.Import;

/// <summary>The usual headings of Polish karty usług are recognised in their variants; content that merely starts like one is not.</summary>
public sealed class CardSectionSplitterTests
{
    [Theory]
    [InlineData("Wymagane dokumenty", "Documents")]
    [InlineData("3. WYMAGANE DOKUMENTY:", "Documents")]
    [InlineData("III. Dokumenty wymagane do załatwienia sprawy", "Documents")]
    [InlineData("Opłaty:", "Fees")]
    [InlineData("Wysokość opłat", "Fees")]
    [InlineData("Termin i sposób załatwienia sprawy", "Deadline")]
    [InlineData("Czas realizacji", "Deadline")]
    [InlineData("Miejsce złożenia dokumentów", "Place")]
    [InlineData("Komórka organizacyjna odpowiedzialna za załatwienie sprawy", "Place")]
    [InlineData("Podstawa prawna", "LegalBasis")]
    [InlineData("TRYB ODWOŁAWCZY", "Appeal")]
    [InlineData("Osoba kontaktowa", "Contact")]
    [InlineData("Nazwa sprawy", "Title")]
    public void A_heading_variant_opens_its_section(string line, string kind) =>
        Assert.Equal(kind, CardSectionHeadings.MatchLine(line)?.Kind.ToString());

    [Theory]
    [InlineData("Opłata skarbowa za pełnomocnictwo 17 zł")]
    [InlineData("Wniosek o rejestrację pojazdu")]
    [InlineData("Termin ważności karty wynosi 5 lat.")]
    public void Content_that_starts_like_a_heading_is_not_one(string line) =>
        Assert.Null(CardSectionHeadings.MatchLine(line));

    [Fact]
    public void Headings_with_content_after_a_colon_and_table_rows_both_split_the_card()
    {
        CardTextBlock[] blocks =
        [
            CardTextBlock.Line("KARTA USŁUGI"),
            CardTextBlock.Line("Termin załatwienia sprawy: do 30 dni"),
            new(["4.", "Opłaty (skarbowe i komunikacyjne)", "dowód rejestracyjny 54 zł"]),
            new(["opłata skarbowa za pełnomocnictwo", "17 zł"]),
            new(["Miejsce załatwienia sprawy", "budynek A\nparter"]),
        ];

        var sections = CardSectionSplitter.Split(blocks, wrapped: false);

        Assert.Equal(["KARTA USŁUGI"], sections.Preamble);
        Assert.Equal([CardSectionKind.Deadline, CardSectionKind.Fees, CardSectionKind.Place], sections.Sections.Select(s => s.Kind));
        Assert.Equal(["do 30 dni"], sections.Sections[0].Lines);
        // A fee row inside the fees section stays content, though it starts like the "Opłata skarbowa" heading.
        Assert.Equal(["dowód rejestracyjny 54 zł", "opłata skarbowa za pełnomocnictwo 17 zł"], sections.Sections[1].Lines);
        Assert.Equal(["budynek A", "parter"], sections.Sections[2].Lines);
    }
}

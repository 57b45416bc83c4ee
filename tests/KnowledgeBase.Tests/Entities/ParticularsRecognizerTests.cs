using Asystent.KnowledgeBase.Entities;

namespace Asystent.KnowledgeBase.Tests.Entities;

public sealed class ParticularsRecognizerTests(KnowledgeBaseFixture kb)
{
    [Theory]
    [InlineData("jaki jest status sprawy KT.5410.123.2026", "KT.5410.123.2026")]
    [InlineData("sprawa kt.5410.123.2026 stoi", "KT.5410.123.2026")]
    [InlineData("AB . 6740 . 45 . 2026", "AB.6740.45.2026")]
    [InlineData("znak: GN.6821.7.2026.", "GN.6821.7.2026")]
    public void Case_numbers_with_and_without_spaces(string text, string expected) =>
        Assert.Equal(expected, CaseNumberRecognizer.Find(text));

    [Theory]
    [InlineData("numer 5410.123.2026")]
    [InlineData("KT.54.123.2026")]
    [InlineData("mam 2 sprawy")]
    public void Not_case_numbers(string text) => Assert.Null(CaseNumberRecognizer.Find(text));

    [Theory]
    [InlineData("mój numer 600 123 456", "+48600123456")]
    [InlineData("tel. +48 600-123-456", "+48600123456")]
    [InlineData("zadzwońcie na 600123456", "+48600123456")]
    [InlineData("stacjonarny 33 800 10 40", "+48338001040")]
    public void Polish_phone_numbers_in_e164(string text, string expected) => Assert.Equal(expected, ContactRecognizer.FindPhone(text));

    [Theory]
    [InlineData("sprawa KT.5410.123.2026")]
    [InlineData("pesel 44051401359")]
    [InlineData("dom 70 m2 w 2026")]
    public void Case_numbers_pesels_and_small_numbers_are_not_phones(string text) => Assert.Null(ContactRecognizer.FindPhone(text));

    [Fact]
    public void Email_addresses() => Assert.Equal("jan.kowalski@example.com", ContactRecognizer.FindEmail("pisz na Jan.Kowalski@example.com proszę"));

    [Fact]
    public void Pesel_is_recognised_by_its_check_digit_only_to_be_masked()
    {
        Assert.True(Pesel.Contains("mój pesel 44051401359"));
        Assert.False(Pesel.Contains("numer 44051401358")); // wrong check digit
        Assert.Equal("mój pesel [PESEL]", Pesel.MaskAll("mój pesel 44051401359"));
    }

    [Theory]
    [InlineData("do której czynny jest wydział komunikacji", "KT")]
    [InlineData("biuro paszportowe", "BP")]
    [InlineData("czy PODGiK pracuje w piątek", "PODGiK")]
    [InlineData("where is the passport office", "BP")]
    [InlineData("де паспортне бюро", "BP")]
    public void Units_by_name_or_alias(string text, string expected) =>
        Assert.Equal(expected, new UnitRecognizer(kb.Catalogue.Office).Find(text));
}

using Asystent.KnowledgeBase.Privacy;

namespace Asystent.KnowledgeBase.Tests.Privacy;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("mój pesel 90010112345 i co dalej", "mój pesel [PESEL] i co dalej")]
    [InlineData("zadzwońcie 600 123 456", "zadzwońcie [telefon]")]
    [InlineData("tel. +48 600-123-456", "tel. [telefon]")]
    [InlineData("pisz na jan.kowalski@example.com", "pisz na [e-mail]")]
    [InlineData("status sprawy KT.5410.123.2026", "status sprawy [znak sprawy]")]
    [InlineData("sprawa AB . 6740 . 45 . 2026 stoi", "sprawa [znak sprawy] stoi")]
    [InlineData("kod z potwierdzenia 7KQ2MX", "kod z potwierdzenia [kod]")]
    [InlineData("kod wizyty k7m4-xq3h", "kod wizyty [kod]")]
    [InlineData("mój kod 482913", "mój kod [kod]")]
    public void Masks_personal_data_but_keeps_its_kind(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Fact]
    public void Leaves_ordinary_questions_alone() =>
        Assert.Equal("dom 70 m2 bez pozwolenia w 2026, opłata 1500 zł, formularz PJ-1", PersonalDataMasker.Mask("dom 70 m2 bez pozwolenia w 2026, opłata 1500 zł, formularz PJ-1"));
}

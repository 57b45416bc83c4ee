using Asystent.KnowledgeBase.Languages;

namespace Asystent.KnowledgeBase.Tests.Languages;

public sealed class LanguageDetectorTests(KnowledgeBaseFixture kb)
{
    [Theory]
    [InlineData("gdzie zarejestrować samochód", Language.Pl)]
    [InlineData("gdzie zarejestrowac auto z niemiec", Language.Pl)]
    [InlineData("paszport", Language.Pl)]
    [InlineData("prawko", Language.Pl)]
    [InlineData("where can I register my car", Language.En)]
    [InlineData("lost passport", Language.En)]
    [InlineData("де зареєструвати машину", Language.Uk)]
    [InlineData("як отримати посвідчення водія", Language.Uk)]
    [InlineData("скільки коштує паспорт", Language.Uk)]
    [InlineData("где зарегистрировать машину", Language.Ru)]
    [InlineData("сколько стоит паспорт", Language.Ru)]
    [InlineData("потерял водительские права", Language.Ru)]
    public void Detects_the_language_of_short_resident_questions(string text, Language expected) =>
        Assert.Equal(expected, kb.Index.Detector.Detect(text));

    [Fact]
    public void Falls_back_when_the_text_has_no_letters() =>
        Assert.Equal(Language.En, kb.Index.Detector.Detect("12345 ???", Language.En));
}

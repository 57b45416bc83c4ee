using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.KnowledgeBase.Tests.Search;

/// <summary>Polish office words written in Cyrillic, spelled back the Polish way (before folding).</summary>
public sealed class CyrillicToPolishTests
{
    [Theory]
    [InlineData("мельдунек", Language.Uk, "meldunek")]
    [InlineData("песель", Language.Uk, "pesel")]
    [InlineData("побиту", Language.Uk, "pobytu")]
    [InlineData("староство", Language.Uk, "starostwo")]
    [InlineData("ужонд", Language.Uk, "użond")]
    [InlineData("праці", Language.Uk, "praci")]
    [InlineData("прописка", Language.Ru, "propiska")]
    [InlineData("воеводство", Language.Ru, "wojewodstwo")]
    [InlineData("пшерейестрованє", Language.Uk, "pszerejestrowanie")]
    public void Cyrillic_words_come_out_in_Polish_spelling(string word, Language language, string expected) =>
        Assert.Equal(expected, CyrillicToPolish.Transliterate(word, language));

    [Theory]
    [InlineData("ужонд", Language.Uk, "urzad")]
    [InlineData("пшеглёнд", Language.Ru, "przeglad")]
    [InlineData("воєвудзтво", Language.Uk, "wojewodztwo")]
    [InlineData("зашвядченє", Language.Uk, "zaswiadczenie")]
    public void Polish_sounds_written_as_heard_get_their_Polish_spelling_too(string word, Language language, string expected)
    {
        var spellings = CyrillicToPolish.Spellings(word, language);
        Assert.Equal(CyrillicToPolish.Transliterate(word, language), spellings[0]);
        Assert.Contains(expected, spellings);
        Assert.True(spellings.Count <= 16);
    }

    [Theory]
    [InlineData("мельдунек", true)]
    [InlineData("meldunek", false)]
    [InlineData("PESEL-ю", true)]
    public void Cyrillic_is_told_from_Latin(string word, bool cyrillic) => Assert.Equal(cyrillic, CyrillicToPolish.HasCyrillic(word));
}

using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Tests.ServiceCards;

/// <summary>Floors, rooms and desks in each language's own convention: Polish "1. piętro" is the Ukrainian second floor.</summary>
public sealed class PlaceWordsTests(KnowledgeBaseFixture kb)
{
    [Theory]
    [InlineData(0, Language.Pl, "parter")]
    [InlineData(1, Language.Pl, "1. piętro")]
    [InlineData(0, Language.En, "ground floor")]
    [InlineData(2, Language.En, "second floor")]
    [InlineData(0, Language.Uk, "перший поверх")]
    [InlineData(1, Language.Uk, "другий поверх")]
    [InlineData(2, Language.Ru, "третий этаж")]
    public void Floors_follow_each_languages_convention(int floor, Language language, string expected) =>
        Assert.Equal(expected, PlaceWords.Floor(floor, language));

    [Theory]
    [InlineData("112", Language.Pl, "pokój 112")]
    [InlineData("201–210", Language.Pl, "pokoje 201–210")]
    [InlineData("112", Language.Ru, "кабинет 112")]
    public void Rooms_take_the_plural_for_a_range(string room, Language language, string expected) =>
        Assert.Equal(expected, PlaceWords.Room(room, language));

    [Fact]
    public void A_unit_with_desks_is_described_without_doubled_words()
    {
        var office = kb.Catalogue.Office;
        var where = CardLocation.Of(office.FindUnit("KT")!, office, Language.Pl).Describe(Language.Pl);
        Assert.Contains("parter, stanowiska 4–12, sala obsługi", where, StringComparison.Ordinal);
        Assert.DoesNotContain("pokój/stanowisko", where, StringComparison.Ordinal);
        Assert.Contains("перший поверх, віконця 4–12", CardLocation.Of(office.FindUnit("KT")!, office, Language.Uk).Describe(Language.Uk), StringComparison.Ordinal);
    }
}

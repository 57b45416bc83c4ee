using Asystent.KnowledgeBase.Gaps;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Search.Analyzers;

namespace Asystent.KnowledgeBase.Tests.Gaps;

/// <summary>Grouping questions by meaning with the search's real Polish and English analysis.</summary>
public sealed class GapGroupingTests(KnowledgeBaseFixture kb)
{
    private GapGrouping.Item Item(string text, int count, string? topCard = null, Language language = Language.Pl) =>
        new(new GapQuestion(text, count, [GapReasons.NoCard], null), language.Code(), AnalyzerSet.Terms(kb.Index.Analyzers.For(language), text).ToHashSet(StringComparer.Ordinal), topCard);

    [Fact]
    public void Inflected_and_reordered_questions_fall_into_one_group_and_other_matters_stay_apart()
    {
        var groups = GapGrouping.Group(
        [
            Item("gdzie kupić bilet miesięczny", 3),
            Item("bilet miesięczny gdzie kupię", 2),
            Item("jaka będzie jutro pogoda", 4),
            Item("where to buy a monthly ticket", 1, language: Language.En),
        ]);

        Assert.Equal(3, groups.Count);
        var tickets = Assert.Single(groups, g => g.Language == "pl" && g.Questions.Count == 2);
        Assert.Equal(5, tickets.Count);
        Assert.Equal("gdzie kupić bilet miesięczny", tickets.Questions[0].Text);
        Assert.Equal(GapGrouping.Key("pl", "gdzie kupić bilet miesięczny"), tickets.Key);
        // The largest group first: the two ticket questions (5) before the weather (4).
        Assert.Same(tickets, groups[0]);
        Assert.Equal("jaka będzie jutro pogoda", groups[1].Questions.Single().Text);
    }

    [Fact]
    public void The_same_question_in_other_words_joins_when_the_search_puts_the_same_card_first()
    {
        var same = GapGrouping.Alike(Item("zgubiłem dowód osobisty co robić", 1, "dowod-osobisty"), Item("zguba dowodu osobistego w autobusie", 1, "dowod-osobisty"));
        var otherCard = GapGrouping.Alike(Item("zgubiłem dowód osobisty co robić", 1, "dowod-osobisty"), Item("zguba dowodu osobistego w autobusie", 1, "rzeczy-znalezione"));

        Assert.True(same);
        Assert.False(otherCard);
    }
}

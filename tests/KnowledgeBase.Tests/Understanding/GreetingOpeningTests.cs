using Asystent.KnowledgeBase.Understanding;

namespace Asystent.KnowledgeBase.Tests.Understanding;

public sealed class GreetingOpeningTests
{
    [Theory]
    [InlineData("Dzień dobry, kupiłem auto w Niemczech, co teraz?", "kupiłem auto w Niemczech, co teraz?")]
    [InlineData("dzien dobry kupilem auto w niemczech", "kupilem auto w niemczech")]
    [InlineData("Witam serdecznie! Gdzie wyrobię prawo jazdy?", "Gdzie wyrobię prawo jazdy?")]
    [InlineData("Szanowni Państwo, proszę o informację o paszporcie", "proszę o informację o paszporcie")]
    [InlineData("Hello there! I need a residence card", "I need a residence card")]
    [InlineData("Good morning. Where do I register a car?", "Where do I register a car?")]
    [InlineData("Добрий день! Я загубив посвідчення водія", "Я загубив посвідчення водія")]
    [InlineData("Здравствуйте, как сделать мельдунек?", "как сделать мельдунек?")]
    public void A_greeting_before_a_question_is_not_part_of_it(string message, string question)
    {
        Assert.True(GreetingOpening.CarriesMore(message));
        Assert.Equal(question, GreetingOpening.Without(message));
    }

    [Theory]
    [InlineData("dzień dobry")]
    [InlineData("Witam!")]
    [InlineData("hello :)")]
    [InlineData("привіт")]
    public void A_greeting_alone_stays_a_greeting(string message) => Assert.False(GreetingOpening.CarriesMore(message));

    [Theory]
    [InlineData("Witamina D dla dziecka")]
    [InlineData("hiking permit in the national park")]
    [InlineData("Helloween w szkole")]
    [InlineData("gdzie wyrobić paszport, dzień dobry")]
    public void A_word_that_only_begins_like_a_greeting_is_kept(string message)
    {
        Assert.False(GreetingOpening.CarriesMore(message));
        Assert.Equal(message, GreetingOpening.Without(message));
    }
}

using Asystent.KnowledgeBase.Entities;

namespace Asystent.KnowledgeBase.Tests.Entities;

public sealed class DateTimeRecognizerTests
{
    // Monday, 23 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Dictionary<string, string> Find(string text) => DateTimeRecognizer.Find(text, Today);

    [Theory]
    [InlineData("dziś", "2026-11-23")]
    [InlineData("jutro", "2026-11-24")]
    [InlineData("pojutrze", "2026-11-25")]
    [InlineData("we wtorek", "2026-11-24")]
    [InlineData("w środę", "2026-11-25")]
    [InlineData("w srode", "2026-11-25")]
    [InlineData("w przyszły wtorek", "2026-12-01")]
    [InlineData("w przyszły poniedziałek", "2026-11-30")]
    [InlineData("w poniedziałek", "2026-11-30")]
    [InlineData("15 grudnia", "2026-12-15")]
    [InlineData("15 stycznia", "2027-01-15")]
    [InlineData("3 marca 2027", "2027-03-03")]
    [InlineData("15.12", "2026-12-15")]
    [InlineData("15.12.2026", "2026-12-15")]
    [InlineData("2026-12-15", "2026-12-15")]
    public void Polish_dates(string text, string expected) => Assert.Equal(expected, Find(text)["date"]);

    [Theory]
    [InlineData("tomorrow", "2026-11-24")]
    [InlineData("next Tuesday", "2026-12-01")]
    [InlineData("on Friday", "2026-11-27")]
    [InlineData("December 15", "2026-12-15")]
    [InlineData("завтра", "2026-11-24")]
    [InlineData("в п'ятницю", "2026-11-27")]
    [InlineData("15 грудня", "2026-12-15")]
    [InlineData("в пятницу", "2026-11-27")]
    [InlineData("послезавтра", "2026-11-25")]
    [InlineData("15 декабря", "2026-12-15")]
    public void Basic_dates_in_english_ukrainian_and_russian(string text, string expected) => Assert.Equal(expected, Find(text)["date"]);

    [Theory]
    [InlineData("15 grudnia o 10:30", "time", "10:30")]
    [InlineData("o 9", "time", "09:00")]
    [InlineData("o godzinie 11", "time", "11:00")]
    [InlineData("o 10.30", "time", "10:30")]
    [InlineData("po 14", "time_after", "14:00")]
    [InlineData("we wtorek po 3", "time_after", "15:00")]
    [InlineData("przed 12", "time_before", "12:00")]
    [InlineData("rano", "time_before", "12:00")]
    [InlineData("po południu", "time_after", "12:00")]
    [InlineData("at 10am", "time", "10:00")]
    [InlineData("at 2:30 pm", "time", "14:30")]
    [InlineData("after 2 pm", "time_after", "14:00")]
    [InlineData("завтра о 10", "time", "10:00")]
    [InlineData("після 14", "time_after", "14:00")]
    [InlineData("в 10:30", "time", "10:30")]
    [InlineData("после обеда", "time_after", "12:00")]
    public void Times(string text, string entity, string expected) => Assert.Equal(expected, Find(text)[entity]);

    [Fact]
    public void The_time_in_a_date_is_not_taken_for_a_date()
    {
        var found = Find("15 grudnia o 10.30");
        Assert.Equal("2026-12-15", found["date"]);
        Assert.Equal("10:30", found["time"]);
    }

    [Theory]
    [InlineData("ile kosztuje paszport")]
    [InlineData("sprawa KT.5410.123.2026")]
    [InlineData("dom 70 m2")]
    [InlineData("31.02")]
    public void Nothing_is_found_where_there_is_no_date(string text) => Assert.False(Find(text).ContainsKey("date"));
}

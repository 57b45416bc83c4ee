using Asystent.KnowledgeBase.Appointments;

namespace Asystent.KnowledgeBase.Tests.Appointments;

public sealed class PolishHolidaysTests
{
    // Easter dates from the published tables, including the latest possible one (25 April 2038).
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    public void Easter_sunday_is_computed_for_any_year(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), PolishHolidays.EasterSunday(year));

    [Fact]
    public void The_movable_feasts_of_2026_follow_easter()
    {
        var holidays = PolishHolidays.In(2026).ToDictionary(h => h.Name, h => h.Date);
        Assert.Equal(new DateOnly(2026, 4, 6), holidays["Poniedziałek Wielkanocny"]);
        Assert.Equal(new DateOnly(2026, 5, 24), holidays["Zielone Świątki"]);
        Assert.Equal(new DateOnly(2026, 6, 4), holidays["Boże Ciało"]);
    }

    [Fact]
    public void Christmas_eve_is_a_holiday_from_2025_only()
    {
        Assert.True(PolishHolidays.IsHoliday(new DateOnly(2025, 12, 24)));
        Assert.True(PolishHolidays.IsHoliday(new DateOnly(2026, 12, 24)));
        Assert.False(PolishHolidays.IsHoliday(new DateOnly(2024, 12, 24)));
        Assert.Equal(14, PolishHolidays.In(2026).Count);
        Assert.Equal(13, PolishHolidays.In(2024).Count);
    }

    [Fact]
    public void Ordinary_working_days_are_not_holidays()
    {
        Assert.False(PolishHolidays.IsHoliday(new DateOnly(2026, 11, 23)));
        Assert.True(PolishHolidays.IsHoliday(new DateOnly(2026, 11, 11)));
    }
}

using Asystent.KnowledgeBase.Appointments;

namespace Asystent.KnowledgeBase.Tests.Appointments;

public sealed class BookingCodeTests
{
    [Fact]
    public void Codes_are_two_groups_of_four_unambiguous_characters_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => BookingCode.New()).ToList();
        Assert.All(codes, code => Assert.Matches("^[ACDEFGHJKMNPQRTUVWXY3479]{4}-[ACDEFGHJKMNPQRTUVWXY3479]{4}$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("K7M4-XQ3H", "K7M4-XQ3H")]
    [InlineData("k7m4xq3h", "K7M4-XQ3H")]
    [InlineData(" k7m4 xq3h ", "K7M4-XQ3H")]
    public void Typed_codes_are_read_however_they_are_written(string typed, string expected) =>
        Assert.Equal(expected, BookingCode.Normalize(typed));

    [Theory]
    [InlineData("K7M4-XQ2H")] // 2 is never used: it looks like Z
    [InlineData("K7M4-XQ3")]
    [InlineData("")]
    [InlineData("DROP TABLE appointments")]
    public void What_cannot_be_a_code_is_refused(string typed) => Assert.Null(BookingCode.Normalize(typed));
}

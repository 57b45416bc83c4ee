using Asystent.KnowledgeBase.Appointments;

namespace Asystent.KnowledgeBase.Tests.Appointments;

public sealed class ContactDetailsTests
{
    [Theory]
    [InlineData("600 123 456", "+48600123456")]
    [InlineData("+48 600-123-456", "+48600123456")]
    [InlineData("0048600123456", "+48600123456")]
    [InlineData("+380 67 123 4567", "+380671234567")]
    public void Phones_are_validated_and_stored_in_international_form(string typed, string expected)
    {
        var (contact, problem) = ContactDetails.Parse(typed, null);
        Assert.Null(problem);
        Assert.Equal(expected, contact!.Phone);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("600 123 45")]
    [InlineData("phone")]
    public void Invalid_phones_are_refused_with_a_reason(string typed)
    {
        var (contact, problem) = ContactDetails.Parse(typed, null);
        Assert.Null(contact);
        Assert.StartsWith("phone:", problem);
    }

    [Fact]
    public void E_mail_addresses_are_checked_and_lower_cased()
    {
        Assert.Equal("jan.kowalski@example.com", ContactDetails.Parse(null, " Jan.Kowalski@Example.com ").Contact!.Email);
        Assert.Null(ContactDetails.Parse(null, "jan@").Contact);
        Assert.Null(ContactDetails.Parse(null, "Jan <jan@example.com>").Contact);
        Assert.Equal("phone or email: give a phone number or an e-mail address", ContactDetails.Parse(" ", null).Problem);
    }

    [Fact]
    public void Masked_contacts_keep_only_what_identifies_them_to_their_owner()
    {
        Assert.Equal("+48 *** *** 456", new ContactDetails("+48600123456", null).Masked());
        Assert.Equal("j***@example.com", new ContactDetails(null, "jan@example.com").Masked());
    }
}

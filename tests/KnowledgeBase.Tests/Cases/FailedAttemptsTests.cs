using Asystent.KnowledgeBase.Cases;
using Microsoft.Extensions.Time.Testing;

namespace Asystent.KnowledgeBase.Tests.Cases;

public sealed class FailedAttemptsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Five_failures_on_a_case_block_it_until_the_oldest_leaves_the_window()
    {
        var attempts = new FailedAttempts(clock, Microsoft.Extensions.Options.Options.Create(new FailureLimitOptions()));
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(attempts.RetryAfter("case:KT.5410.1.2026"));
            attempts.Fail("case:KT.5410.1.2026");
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(TimeSpan.FromMinutes(10), attempts.RetryAfter("case:KT.5410.1.2026", "conversation:x"));
        Assert.Null(attempts.RetryAfter("case:KT.5410.2.2026"));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(attempts.RetryAfter("case:KT.5410.1.2026"));
    }

    [Fact]
    public void A_client_address_gets_more_tries_than_one_case()
    {
        var attempts = new FailedAttempts(clock, Microsoft.Extensions.Options.Options.Create(new FailureLimitOptions()));
        for (var i = 0; i < new FailureLimitOptions().PerAddress - 1; i++)
        {
            attempts.Fail(FailedAttempts.Address("ip:10.0.0.7"), $"case:KT.5410.{i}.2026");
        }

        Assert.Null(attempts.RetryAfter(FailedAttempts.Address("ip:10.0.0.7")));
        attempts.Fail(FailedAttempts.Address("ip:10.0.0.7"));
        Assert.Equal(TimeSpan.FromMinutes(15), attempts.RetryAfter(FailedAttempts.Address("ip:10.0.0.7")));
    }
}

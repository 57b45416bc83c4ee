using Asystent.Bot.Conversation;
using Asystent.KnowledgeBase.Languages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Asystent.Bot.IntegrationTests;

/// <summary>The in-memory side of the conversation store, without a database (nothing here reads one).</summary>
public sealed class ConversationStoreTests
{
    [Fact]
    public void The_idle_sweep_forgets_only_conversations_quiet_for_longer_than_the_limit()
    {
        var clock = new FakeTimeProvider();
        using var services = new ServiceCollection().BuildServiceProvider();
        var store = new ConversationStore(services.GetRequiredService<IServiceScopeFactory>(), clock);
        store.SaveState("quiet", "directline", new DialogState(Language.Uk));
        clock.Advance(TimeSpan.FromMinutes(31));
        store.SaveState("busy", "directline", new DialogState(Language.En));

        Assert.Equal(1, store.ForgetIdle(TimeSpan.FromMinutes(30)));
        Assert.Equal(0, store.ForgetIdle(TimeSpan.FromMinutes(30)));
        Assert.Equal(Language.En, store.State("busy", Language.Pl).Language);
    }
}

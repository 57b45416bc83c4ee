using Asystent.Bot.Conversation;
using Microsoft.Extensions.Options;

using Asystent.Bot.Channels.DirectLine;

namespace Asystent.Bot.Channels;

/// <summary>
/// Once a minute, lets go of idle conversations so a long-running server's memory stays flat: Direct
/// Line transcripts and the dialogue state of every channel (Bot Connector included).
/// </summary>
internal sealed class IdleConversationSweeper(DirectLineConversations conversations, ConversationStore store, IOptions<DirectLineOptions> options, ILogger<IdleConversationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var idle = TimeSpan.FromMinutes(options.Value.IdleMinutes);
            var evicted = conversations.EvictIdle(idle) + store.ForgetIdle(idle);
            if (evicted > 0)
            {
                logger.LogInformation("Let go of {Count} idle conversations and states; {Live} Direct Line conversations remain in memory", evicted, conversations.LiveCount);
            }
        }
    }
}

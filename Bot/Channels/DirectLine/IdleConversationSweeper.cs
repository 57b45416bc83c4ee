using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels.DirectLine;

/// <summary>Once a minute, lets go of idle Direct Line conversations so a long-running server's memory stays flat.</summary>
internal sealed class IdleConversationSweeper(DirectLineConversations conversations, IOptions<DirectLineOptions> options, ILogger<IdleConversationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var evicted = conversations.EvictIdle(TimeSpan.FromMinutes(options.Value.IdleMinutes));
            if (evicted > 0)
            {
                logger.LogInformation("Let go of {Count} idle conversations; {Live} remain in memory", evicted, conversations.LiveCount);
            }
        }
    }
}

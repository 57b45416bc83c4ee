using Asystent.Bot.Channels.DirectLine;
using Asystent.Bot.Conversation;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Channels;

public static class ChannelsModule
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineTurns>();
        services.AddSingleton<AssistantBot>();
        services.AddSingleton<ConversationStore>();
        services.AddHostedService<ConversationStoreWriter>();
        services.AddCors(cors => cors.AddPolicy(DirectLineEndpoints.CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")
            .WithMethods("GET", "POST", "OPTIONS")));
        return services;
    }

    public static WebApplication MapChannels(this WebApplication app)
    {
        var directLine = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        if (!directLine.IsConfigured)
        {
            app.Logger.LogWarning("Direct Line is not configured: set DirectLine:Secret (at least 16 characters). Until then Direct Line refuses every request.");
        }

        app.UseCors();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.MapDirectLine();
        return app;
    }
}

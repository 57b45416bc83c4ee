using Asystent.Bot.Channels.BotConnector;
using Asystent.Bot.Channels.DirectLine;
using Asystent.Bot.Channels.Messenger;
using Asystent.Bot.Channels.Voice;
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
        services.AddSingleton<DirectLinePostLimiter>();
        services.AddSingleton<TurnRunner>();
        services.AddOptions<BotConnectorOptions>().BindConfiguration(BotConnectorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(nameof(ConnectorClient), http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(nameof(ChannelAuthentication), http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ChannelAuthentication>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<BotConnectorTurns>();
        services.AddOptions<MessengerOptions>().BindConfiguration(MessengerOptions.SectionName);
        services.AddHttpClient(nameof(SendApiClient), http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<SendApiClient>();
        services.AddSingleton<MessengerTurns>();
        services.AddSingleton<MessengerWindow>();
        services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.SectionName);
        services.AddMemoryCache();
        services.AddSingleton<AssistantBot>();
        services.AddSingleton<Conversation.Booking.BookingDialogue>();
        services.AddSingleton<Conversation.Cases.CaseStatusDialogue>();
        services.AddSingleton<Conversation.Handoff.HandoffDialogue>();
        services.AddSingleton<Conversation.Survey.SurveyDialogue>();
        // The dialogues under way are offered each message in this order: a survey answer, a clerk or a
        // callback, a booking, a case status.
        services.AddSingleton<IDialogue>(provider => provider.GetRequiredService<Conversation.Survey.SurveyDialogue>());
        services.AddSingleton<IDialogue>(provider => provider.GetRequiredService<Conversation.Handoff.HandoffDialogue>());
        services.AddSingleton<IDialogue>(provider => provider.GetRequiredService<Conversation.Booking.BookingDialogue>());
        services.AddSingleton<IDialogue>(provider => provider.GetRequiredService<Conversation.Cases.CaseStatusDialogue>());
        services.AddHostedService<Conversation.Survey.IdleSurvey>();
        services.AddSingleton<ConversationDelivery>();
        // Conversations reached outside a turn, by the adapter of the channel they live on (voice calls cannot be).
        services.AddSingleton<IChannelAdapter>(provider => provider.GetRequiredService<DirectLineTurns>());
        services.AddSingleton<IChannelAdapter>(provider => provider.GetRequiredService<MessengerTurns>());
        services.AddSingleton<IChannelAdapter>(provider => provider.GetRequiredService<BotConnectorTurns>());
        // Lazy for the handoff queues: delivery reaches the turn pipeline, whose dialogues reach the queues.
        services.AddSingleton(provider => new Lazy<ConversationDelivery>(provider.GetRequiredService<ConversationDelivery>));
        services.AddSingleton<ConversationStore>();
        services.AddHostedService<ConversationStoreWriter>();
        services.AddHostedService<IdleConversationSweeper>();
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

        var connector = app.Services.GetRequiredService<IOptions<BotConnectorOptions>>().Value;
        if (!connector.HasAppId && connector.AllowUnauthenticatedEmulator)
        {
            app.Logger.LogWarning("Bot Connector: no app ID; accepting unauthenticated activities from the local Bot Framework Emulator only.");
        }
        else if (!connector.HasAppId)
        {
            app.Logger.LogWarning("Bot Connector: no app ID (BotConnector:MicrosoftAppId); /api/messages refuses every activity until one is set.");
        }

        if (!app.Services.GetRequiredService<IOptions<MessengerOptions>>().Value.IsConfigured)
        {
            app.Logger.LogWarning("Messenger is not configured (Messenger:VerifyToken, AppSecret, PageAccessToken): /api/messenger refuses every request.");
        }

        if (!app.Services.GetRequiredService<IOptions<VoiceOptions>>().Value.IsConfigured)
        {
            app.Logger.LogWarning("The phone line is not configured (Voice:AuthToken, Voice:PublicBaseUrl): /api/voice refuses every request.");
        }

        app.UseCors();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.MapDirectLine();
        app.MapBotConnector();
        app.MapMessenger();
        app.MapVoice();
        return app;
    }
}

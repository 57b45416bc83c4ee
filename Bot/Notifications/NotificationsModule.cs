namespace Asystent.Bot.Notifications;

public static class NotificationsModule
{
    /// <summary>The outbox worker and the channels it sends through (SMS gateway, SMTP).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<SmsGatewayClient>(http => http.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker>());
        return services;
    }
}

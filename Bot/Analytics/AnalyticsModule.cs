namespace Asystent.Bot.Analytics;

public static class AnalyticsModule
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<AnalyticsLog>();
        services.AddHostedService<AnalyticsLogWriter>();
        return services;
    }
}

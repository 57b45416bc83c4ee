using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Hosting;

public static class HostingModule
{
    public const string ApiRateLimitPolicy = "api";

    public static IServiceCollection AddAssistantHosting(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<NotReadyHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddOpenApi();
        services.AddSingleton<Readiness>();
        services.AddSingleton<KnowledgeBase.Storage.IDatabaseReadiness>(provider => provider.GetRequiredService<Readiness>());
        services.AddHealthProbes();
        services.AddHttpContextAccessor();
        services.AddHostedService<KnowledgeBase.Privacy.RetentionWorker>();
        services.AddSingleton<StorageThread>();
        services.AddHostedService<KnowledgeBaseStartup>();
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address: generous for a person or a busy information desk, tight for a script.
            options.AddPolicy(ApiRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value.PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(
                    title: "Too many requests",
                    detail: "Too many requests from this address. Please wait a minute and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    public static WebApplication UseAssistantHosting(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi();
        return app;
    }
}

/// <summary>How many API requests one client address may make per minute (search, cards, intents, chat tokens).</summary>
public sealed class ApiRateLimitOptions
{
    public const string SectionName = "RateLimit";

    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)] public int PermitsPerMinute { get; set; } = 1200;
}

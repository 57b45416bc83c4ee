using System.Diagnostics;
using Asystent.KnowledgeBase.Search;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Asystent.Bot.Hosting.Observability;

/// <summary>
/// OpenTelemetry for operators: metrics always (ASP.NET Core, Kestrel, HttpClient, EF Core, the
/// runtime and the assistant's own meters), served at /metrics in Prometheus text to allowed callers;
/// traces (turns, searches, requests, outgoing calls, database commands) and an OTLP export only
/// when a collector is configured, so by default nothing leaves the server and turns create no spans.
/// Spans carry route templates and hosts, never paths with conversation ids, queries or texts.
/// </summary>
public static class ObservabilityModule
{
    public const string MetricsPath = "/metrics";

    private const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.SectionName)
            .Validate(o => o.MetricsAllowedFrom.All(e => MetricsAccess.TryParse(e, out _)),
                "Observability:MetricsAllowedFrom must list addresses (10.1.2.3) or networks (10.0.0.0/8)")
            .Validate(o => o.OtlpEndpoint is null || o.OtlpEndpoint.IsAbsoluteUri, "Observability:OtlpEndpoint must be an absolute URL (http://collector:4317)")
            .ValidateOnStart();
        services.AddSingleton<AssistantMetrics>();
        services.AddSingleton<BacklogGauges>();
        services.AddSingleton<MetricsAccess>();

        var otlpEndpoint = builder.Configuration.GetValue<Uri?>($"{ObservabilityOptions.SectionName}:{nameof(ObservabilityOptions.OtlpEndpoint)}");
        var exported = otlpEndpoint is not null || !string.IsNullOrWhiteSpace(builder.Configuration[StandardEndpointKey]);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("asystent", serviceVersion: typeof(ObservabilityModule).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddMeter(AssistantMetrics.MeterName, SearchTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", "System.Runtime")
                // Every scrape sees the figures as they are now (a scrape is cheap; there is one scraper).
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        if (exported)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(AssistantTelemetry.Name, SearchTelemetry.Name)
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                    {
                        aspNetCore.Filter = context => !IsOperatorsPath(context.Request.Path);
                        aspNetCore.EnrichWithHttpResponse = ScrubServerSpan;
                    })
                    .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = ScrubClientSpan)
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddOtlpExporter(otlp => Point(otlp, otlpEndpoint, "v1/traces")))
                .WithMetrics(metrics => metrics.AddOtlpExporter(otlp => Point(otlp, otlpEndpoint, "v1/metrics")));
        }

        return builder;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        // The backlog gauges exist once created; they are read only when metrics are collected.
        app.Services.GetRequiredService<BacklogGauges>();
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(access.GuardAsync), optionsName: null);
        return app;
    }

    private static bool IsOperatorsPath(PathString path) =>
        path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    // The request's path can hold a conversation id (/v3/directline/conversations/{id}/...): the span
    // keeps the route template instead, and no query string.
    private static void ScrubServerSpan(Activity activity, HttpResponse response)
    {
        activity.SetTag("url.path", (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)");
        activity.SetTag("url.query", null);
    }

    // Outgoing calls (the Bot Framework connector, the SMS gateway) carry conversation ids and
    // recipients in their paths and queries: the span keeps the host only.
    private static void ScrubClientSpan(Activity activity, HttpRequestMessage request) =>
        activity.SetTag("url.full", request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Authority) + "/" : null);

    // The standard variables (OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS) are read by the
    // exporter itself; the endpoint in our own section wins, given per signal as the exporter expects.
    private static void Point(OtlpExporterOptions otlp, Uri? endpoint, string signalPath)
    {
        if (endpoint is not null)
        {
            otlp.Endpoint = otlp.Protocol == OtlpExportProtocol.HttpProtobuf
                ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
                : endpoint;
        }
    }
}

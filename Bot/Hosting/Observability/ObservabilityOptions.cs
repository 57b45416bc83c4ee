namespace Asystent.Bot.Hosting.Observability;

/// <summary>Who may read the metrics, and where traces and metrics are sent (docs/operations.md).</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Observability";

    /// <summary>
    /// Addresses ("10.1.2.3") and networks ("10.0.0.0/8") whose requests for /metrics are answered.
    /// Empty (the default): this machine only (127.0.0.0/8 and ::1). A list replaces that default, so
    /// list the loopback addresses too if a local scraper should keep working.
    /// </summary>
    public string[] MetricsAllowedFrom { get; set; } = [];

    /// <summary>
    /// An OpenTelemetry collector to send traces and metrics to (OTLP; gRPC unless
    /// OTEL_EXPORTER_OTLP_PROTOCOL says http/protobuf). The standard OTEL_EXPORTER_OTLP_ENDPOINT works
    /// as well. Neither set (the default): nothing leaves the server.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace ParticipantBot.Telemetry;

/// <summary>
/// Traces, metrics and logs (Telemetry section). Off unless an exporter is configured: OTLP
/// (<see cref="OtlpEndpoint"/> or the standard OTEL_EXPORTER_OTLP_ENDPOINT) and/or Application Insights
/// (<see cref="ApplicationInsightsConnectionString"/> or the standard APPLICATIONINSIGHTS_CONNECTION_STRING).
/// </summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>The service's name in traces and metrics.</summary>
    [Required]
    public string ServiceName { get; set; } = "participantbot";

    /// <summary>Base address of an OTLP receiver (a collector), e.g. http://otel-collector:4318 (HTTP) or :4317 (gRPC).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>HttpProtobuf (default, port 4318) or Grpc (port 4317).</summary>
    public string OtlpProtocol { get; set; } = "HttpProtobuf";

    /// <summary>Application Insights' connection string (not a secret, but kept out of git all the same).</summary>
    public string? ApplicationInsightsConnectionString { get; set; }

    /// <summary>How long the outbox figures (counts by status, age of the oldest due message) are kept before the table is read again.</summary>
    [Range(1, 3600)]
    public int OutboxMetricsSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            yield return new ValidationResult($"Telemetry:OtlpEndpoint '{OtlpEndpoint}' is not an absolute http(s) address of an OTLP receiver.", [nameof(OtlpEndpoint)]);
        if (OtlpProtocol is not ("HttpProtobuf" or "Grpc"))
            yield return new ValidationResult($"Telemetry:OtlpProtocol '{OtlpProtocol}' is not HttpProtobuf or Grpc.", [nameof(OtlpProtocol)]);
        if (!string.IsNullOrWhiteSpace(ApplicationInsightsConnectionString) && !ApplicationInsightsConnectionString.Contains("InstrumentationKey=", StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult("Telemetry:ApplicationInsightsConnectionString is not an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...).",
                [nameof(ApplicationInsightsConnectionString)]);
    }
}

using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ParticipantBot.Scheduling;

namespace ParticipantBot.Telemetry;

/// <summary>
/// OpenTelemetry: traces and metrics of the HTTP requests, the outbound calls (Bot Connector, Graph,
/// Entra), the database (EF Core, Npgsql) and the Hangfire jobs (<see cref="JobTelemetryFilter"/>), the
/// outbox's own figures (<see cref="OutboxMetrics"/>), and the logs; exported over OTLP and/or to
/// Application Insights when configured, and not collected at all otherwise. Personal data never
/// leaves: URLs are reduced to their route, query values and client addresses are dropped, email
/// addresses are masked in every attribute and log (<see cref="TelemetryRedaction"/>).
/// </summary>
public static class TelemetryModule
{
    /// <summary>The meter of the service's own instruments (outbox, jobs).</summary>
    public const string MeterName = "ParticipantBot";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<JobTelemetryFilter>();

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var exporters = Exporters.From(options, builder.Configuration);
        services.AddSingleton(exporters);
        if (!exporters.Any) return builder;

        // The outbox's gauges read the table: created with the meter provider, so only when exported.
        services.AddHostedService<OutboxMetricsStarter>();
        var instance = $"{Environment.MachineName}:{Environment.ProcessId}";
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceVersion: typeof(TelemetryModule).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: instance))
            .WithTracing(tracing =>
            {
                tracing.AddSource(JobTelemetryFilter.SourceName)
                    .AddEntityFrameworkCoreInstrumentation(o =>
                        // Npgsql traces PostgreSQL's commands itself (and Hangfire's): EF Core's spans are for SQLite.
                        o.Filter = (provider, _) => provider is null || !provider.Contains("Npgsql", StringComparison.OrdinalIgnoreCase))
                    .AddNpgsql()
                    .AddProcessor(new TelemetryRedaction.SpanProcessor());
                if (!exporters.ApplicationInsights)
                {
                    // Application Insights' distro brings its own ASP.NET Core and HttpClient instrumentation.
                    tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                        .AddHttpClientInstrumentation();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MeterName).AddNpgsqlInstrumentation().AddRuntimeInstrumentation();
                if (!exporters.ApplicationInsights) metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            })
            .WithLogging(logging => logging.AddProcessor(new TelemetryRedaction.LogProcessor()), o =>
            {
                o.IncludeFormattedMessage = false;
                o.IncludeScopes = false;
            });

        if (exporters.ApplicationInsights)
            otel.UseAzureMonitor(o => o.ConnectionString = exporters.ApplicationInsightsConnectionString);
        if (exporters.Otlp)
        {
            otel.WithTracing(t => t.AddOtlpExporter(o => exporters.Configure(o, "traces")));
            otel.WithMetrics(m => m.AddOtlpExporter(o => exporters.Configure(o, "metrics")));
            otel.WithLogging(l => l.AddOtlpExporter(o => exporters.Configure(o, "logs")));
        }
        // Last, so that it holds whatever the distro set: no root spans for a client call outside any request or
        // job (Hangfire's queue polling, a few queries a second per instance), everything else kept.
        services.ConfigureOpenTelemetryTracerProvider(t => t.SetSampler(new ParentBasedSampler(new NoLonelyClientSpans())));
        return builder;
    }

    public static void LogTelemetry(this WebApplication app)
    {
        var exporters = app.Services.GetRequiredService<Exporters>();
        if (!exporters.Any)
            app.Logger.LogInformation("Telemetry is off: set Telemetry:OtlpEndpoint (an OTLP receiver) or APPLICATIONINSIGHTS_CONNECTION_STRING to export traces, metrics and logs.");
        if (exporters.Otlp)
            app.Logger.LogInformation("Telemetry: traces, metrics and logs exported over OTLP ({Protocol}) to {Endpoint}.", exporters.OtlpProtocol, exporters.OtlpEndpoint ?? "OTEL_EXPORTER_OTLP_ENDPOINT");
        if (exporters.ApplicationInsights)
            app.Logger.LogInformation("Telemetry: traces, metrics and logs exported to Application Insights.");
    }

    /// <summary>Which exporters are on, from the Telemetry section or the standard environment variables.</summary>
    internal sealed class Exporters
    {
        public string? OtlpEndpoint { get; private init; }
        public bool Otlp { get; private init; }
        public OtlpExportProtocol OtlpProtocol { get; private init; }
        public string? ApplicationInsightsConnectionString { get; private init; }
        public bool ApplicationInsights => !string.IsNullOrWhiteSpace(ApplicationInsightsConnectionString);
        public bool Any => Otlp || ApplicationInsights;

        public static Exporters From(TelemetryOptions options, IConfiguration configuration) => new()
        {
            OtlpEndpoint = Blank(options.OtlpEndpoint),
            Otlp = Blank(options.OtlpEndpoint) is not null || Blank(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is not null,
            OtlpProtocol = options.OtlpProtocol == "Grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf,
            ApplicationInsightsConnectionString = Blank(options.ApplicationInsightsConnectionString) ?? Blank(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]),
        };

        /// <summary>Telemetry:OtlpEndpoint is a base address: over HTTP each signal has its path. Otherwise the OTEL_* variables apply.</summary>
        public void Configure(OtlpExporterOptions o, string signal)
        {
            if (OtlpEndpoint is null) return;
            o.Protocol = OtlpProtocol;
            o.Endpoint = OtlpProtocol == OtlpExportProtocol.HttpProtobuf
                ? new Uri(OtlpEndpoint.TrimEnd('/') + "/v1/" + signal)
                : new Uri(OtlpEndpoint);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>A root span of a client call (a query or request outside any request or job) is dropped; everything else is kept.</summary>
    private sealed class NoLonelyClientSpans : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
            parameters.Kind == ActivityKind.Client ? new SamplingResult(SamplingDecision.Drop) : new SamplingResult(SamplingDecision.RecordAndSample);
    }

    /// <summary>Creates the outbox's observable instruments once the host runs.</summary>
    private sealed class OutboxMetricsStarter(OutboxMetrics metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) { metrics.Start(); return Task.CompletedTask; }
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

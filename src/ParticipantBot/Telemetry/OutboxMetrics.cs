using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;

namespace ParticipantBot.Telemetry;

/// <summary>
/// The outbox's figures as observable gauges, read from the OutboundMessages table (not from the
/// dispatcher), at most once per <see cref="TelemetryOptions.OutboxMetricsSeconds"/> whatever the number of
/// instruments or readers. Every instance reports the same table: aggregate them with max, not sum.
/// Labels: the channel only (email, teams).
/// </summary>
public sealed class OutboxMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock,
    IOptions<TelemetryOptions> options, ILogger<OutboxMetrics> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private Meter? _meter;
    private OutboxFigures _last = OutboxFigures.Empty;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private bool _warned;

    /// <summary>Creates the instruments (once).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_meter is not null) return;
            _meter = meters.Create(TelemetryModule.MeterName);
        }
        _meter.CreateObservableGauge("participantbot.outbox.planned", () => PerChannel(f => f.Planned), "{message}",
            "Messages planned and not yet sent (due or not).");
        _meter.CreateObservableGauge("participantbot.outbox.sent_last_minute", () => PerChannel(f => f.SentLastMinute), "{message}",
            "Messages sent in the last minute.");
        _meter.CreateObservableGauge("participantbot.outbox.failed", () => PerChannel(f => f.Failed), "{message}",
            "Messages given up on or refused by their channel (the dashboard says why).");
        _meter.CreateObservableGauge("participantbot.outbox.possible_duplicates", () => PerChannel(f => f.PossibleDuplicates), "{message}",
            "Messages sent again after an attempt that may have delivered them, by a channel that cannot tell: they may have arrived twice.");
        _meter.CreateObservableGauge("participantbot.outbox.oldest_due_age", () => Read().OldestDueAgeSeconds, "s",
            "How long the oldest message that is due has been waiting (0 when none is).");
    }

    /// <summary>The figures, from the cache while it is fresh.</summary>
    public OutboxFigures Read()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _readAt < TimeSpan.FromSeconds(options.Value.OutboxMetricsSeconds)) return _last;
            try
            {
                using var scope = scopes.CreateScope();
                _last = OutboxFigures.Read(scope.ServiceProvider.GetRequiredService<AppDbContext>(), now);
                _warned = false;
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                if (!_warned) logger.LogWarning("The outbox figures could not be read ({Error}); the last ones are reported.", e.GetType().Name);
                _warned = true;
            }
            _readAt = now;
            return _last;
        }
    }

    private IEnumerable<Measurement<long>> PerChannel(Func<OutboxFigures, IReadOnlyDictionary<DeliveryChannel, long>> pick)
    {
        var figures = pick(Read());
        foreach (var channel in Enum.GetValues<DeliveryChannel>())
            yield return new Measurement<long>(figures.GetValueOrDefault(channel), new KeyValuePair<string, object?>("channel", channel == DeliveryChannel.Email ? "email" : "teams"));
    }

    public void Dispose() => _meter?.Dispose();
}

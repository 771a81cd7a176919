using System.Diagnostics.Metrics;

namespace ParticipantBot.Delivery;

/// <summary>
/// Counters of what the delivery pipeline mends by itself: messages sent again after a dispatcher died,
/// and what the repair job found missing. No personal data in them: counts and kinds only.
/// </summary>
public sealed class DeliveryMetrics : IDisposable
{
    public const string MeterName = "ParticipantBot.Delivery";

    private readonly Meter _meter;
    private readonly Counter<long> _reclaimed;
    private readonly Counter<long> _repairs;

    public DeliveryMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _reclaimed = _meter.CreateCounter<long>("participantbot.outbox.reclaimed", "{message}", "Messages a dispatcher left sending when it stopped, planned again.");
        _repairs = _meter.CreateCounter<long>("participantbot.outbox.repairs", "{repair}", "What the repair job found missing and put back, by kind.");
    }

    public void Reclaimed(int count) => _reclaimed.Add(count);

    public void Repaired(string kind, int count) => _repairs.Add(count, new KeyValuePair<string, object?>("kind", kind));

    public void Dispose() => _meter.Dispose();
}

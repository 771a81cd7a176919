using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>One reading of the outbox table: three small grouped queries.</summary>
public sealed record OutboxFigures(
    IReadOnlyDictionary<DeliveryChannel, long> Planned,
    IReadOnlyDictionary<DeliveryChannel, long> SentLastMinute,
    IReadOnlyDictionary<DeliveryChannel, long> Failed,
    IReadOnlyDictionary<DeliveryChannel, long> PossibleDuplicates,
    double OldestDueAgeSeconds)
{
    public static readonly OutboxFigures Empty = new(new Dictionary<DeliveryChannel, long>(), new Dictionary<DeliveryChannel, long>(),
        new Dictionary<DeliveryChannel, long>(), new Dictionary<DeliveryChannel, long>(), 0);

    /// <summary>The messages sent after an uncertain attempt by a channel that cannot tell: they may have arrived twice.</summary>
    public static IQueryable<OutboundMessage> MayHaveArrivedTwice(IQueryable<OutboundMessage> messages) =>
        messages.Where(m => m.PossibleDuplicate);

    public static OutboxFigures Read(AppDbContext db, DateTimeOffset now)
    {
        var messages = db.OutboundMessages.AsNoTracking();
        var byStatus = messages
            .Where(m => m.Status == DeliveryStatus.Planned || m.Status == DeliveryStatus.Failed)
            .GroupBy(m => new { m.Status, m.Channel })
            .Select(g => new { g.Key.Status, g.Key.Channel, Count = g.LongCount() })
            .ToList();
        var since = now.AddMinutes(-1);
        var sent = messages.Where(m => m.Status == DeliveryStatus.Sent && m.SentAt >= since)
            .GroupBy(m => m.Channel).Select(g => new { Channel = g.Key, Count = g.LongCount() }).ToList();
        var twice = MayHaveArrivedTwice(messages).GroupBy(m => m.Channel).Select(g => new { Channel = g.Key, Count = g.LongCount() }).ToList();
        var oldest = messages.Where(m => m.Status == DeliveryStatus.Planned && m.DueAt <= now)
            .OrderBy(m => m.DueAt).Select(m => (DateTimeOffset?)m.DueAt).FirstOrDefault();
        return new OutboxFigures(
            byStatus.Where(x => x.Status == DeliveryStatus.Planned).ToDictionary(x => x.Channel, x => x.Count),
            sent.ToDictionary(x => x.Channel, x => x.Count),
            byStatus.Where(x => x.Status == DeliveryStatus.Failed).ToDictionary(x => x.Channel, x => x.Count),
            twice.ToDictionary(x => x.Channel, x => x.Count),
            oldest is { } due ? Math.Max(0, (now - due).TotalSeconds) : 0);
    }
}

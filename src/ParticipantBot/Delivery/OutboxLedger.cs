using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>The latest message to a person on one channel: how it went, and why when it did not.</summary>
public sealed record MessageOutcome(DeliveryChannel Channel, MessageKind Kind, DeliveryStatus Status, string? Reason, DateTimeOffset? SentAt, bool MayHaveArrivedTwice);

/// <summary>
/// What other modules may read of the outbox, and the planned messages they may drop or move (the Delivery
/// module owns the table; new messages come through <see cref="OutboxPlanner"/>). Changes are made by the
/// messages' own methods inside the caller's unit of work.
/// </summary>
public sealed class OutboxLedger(AppDbContext db)
{
    /// <summary>A session's planned messages of these kinds (of one person, or everyone), tracked: the caller drops or moves them.</summary>
    public Task<List<OutboundMessage>> PlannedAsync(Guid sessionId, IReadOnlyCollection<MessageKind>? kinds = null, Guid? participantId = null, CancellationToken ct = default)
    {
        var query = db.OutboundMessages.Where(m => m.SessionId == sessionId && m.Status == DeliveryStatus.Planned);
        if (kinds is not null) query = query.Where(m => kinds.Contains(m.Kind));
        if (participantId is { } id) query = query.Where(m => m.ParticipantId == id);
        return query.ToListAsync(ct);
    }

    /// <summary>Whether a message of this kind (and state) exists for the person and session.</summary>
    public Task<bool> AnyAsync(Guid sessionId, Guid participantId, MessageKind kind, DeliveryStatus? status = null, CancellationToken ct = default) =>
        db.OutboundMessages.AnyAsync(m => m.SessionId == sessionId && m.ParticipantId == participantId && m.Kind == kind
            && (status == null || m.Status == status), ct);

    /// <summary>The highest sequence of this kind at or above a floor (resends and manual reminder rounds number from there).</summary>
    public Task<int?> LastSequenceAsync(Guid sessionId, MessageKind kind, int atLeast, Guid? participantId = null, CancellationToken ct = default) =>
        db.OutboundMessages.Where(m => m.SessionId == sessionId && m.Kind == kind && m.Sequence >= atLeast && (participantId == null || m.ParticipantId == participantId))
            .MaxAsync(m => (int?)m.Sequence, ct);

    /// <summary>Which of these people (all, when null) have a message of one of these kinds for the session, in any state.</summary>
    public async Task<HashSet<Guid>> PeopleWithAsync(Guid sessionId, IReadOnlyCollection<MessageKind> kinds, IReadOnlyCollection<Guid>? among = null, CancellationToken ct = default)
    {
        var query = db.OutboundMessages.Where(m => m.SessionId == sessionId && kinds.Contains(m.Kind));
        if (among is not null) query = query.Where(m => among.Contains(m.ParticipantId));
        return (await query.Select(m => m.ParticipantId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The messages of a kind that went, with their channel and when.</summary>
    public async Task<List<(Guid ParticipantId, DeliveryChannel Channel, DateTimeOffset? SentAt)>> SentAsync(Guid sessionId, MessageKind kind, CancellationToken ct) =>
        (await db.OutboundMessages.AsNoTracking().Where(m => m.SessionId == sessionId && m.Kind == kind && m.Status == DeliveryStatus.Sent)
            .Select(m => new { m.ParticipantId, m.Channel, m.SentAt }).ToListAsync(ct)).Select(m => (m.ParticipantId, m.Channel, m.SentAt)).ToList();

    /// <summary>How many people a message of this kind and sequence was planned for (the base of a survey's response rate).</summary>
    public Task<int> RecipientsAsync(Guid sessionId, MessageKind kind, int sequence, CancellationToken ct) =>
        db.OutboundMessages.Where(m => m.SessionId == sessionId && m.Kind == kind && m.Sequence == sequence).Select(m => m.ParticipantId).Distinct().CountAsync(ct);

    /// <summary>What each person of a session was sent, per channel: the last message that went (or was decided), else the next one planned.</summary>
    public async Task<Dictionary<Guid, IReadOnlyList<MessageOutcome>>> LastPerChannelAsync(Guid sessionId, CancellationToken ct)
    {
        var messages = await db.OutboundMessages.AsNoTracking().Where(m => m.SessionId == sessionId)
            .Select(m => new { m.ParticipantId, m.Channel, m.Kind, m.Status, m.Reason, m.SentAt, m.CreatedAt, m.PossibleDuplicate }).ToListAsync(ct);
        return messages.GroupBy(m => m.ParticipantId).ToDictionary(g => g.Key, g => (IReadOnlyList<MessageOutcome>)g
            .GroupBy(m => m.Channel).Select(c => c.Where(m => m.Status != DeliveryStatus.Planned).OrderBy(m => m.CreatedAt).LastOrDefault()
                ?? c.OrderBy(m => m.CreatedAt).First())
            .Select(m => new MessageOutcome(m.Channel, m.Kind, m.Status, m.Reason, m.SentAt, m.PossibleDuplicate)).OrderBy(d => d.Channel).ToList());
    }

    /// <summary>Every message to a person (their export).</summary>
    public Task<List<OutboundMessage>> OfPersonAsync(Guid participantId, CancellationToken ct) =>
        db.OutboundMessages.AsNoTracking().Where(m => m.ParticipantId == participantId).OrderBy(m => m.CreatedAt).ToListAsync(ct);

    /// <summary>A campaign's messages go, inside the caller's unit of work (the end of its retention).</summary>
    public async Task<int> RemoveCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        var messages = await db.OutboundMessages.Where(m => m.CampaignId == campaignId).ToListAsync(ct);
        db.OutboundMessages.RemoveRange(messages);
        return messages.Count;
    }

    /// <summary>The messages added to the caller's unit of work and not saved yet (who a repair just planned for).</summary>
    public IReadOnlyList<OutboundMessage> PlannedNow() =>
        db.ChangeTracker.Entries<OutboundMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <summary>What a "remind now" did: how many people had not answered, and how many messages were planned for them.</summary>
public sealed record RemindNowResult(int NonResponders, int Planned, int Round);

/// <summary>
/// An organiser's "remind the non-responders now": one reminder per person who still owes an
/// answer, through the outbox like every message. Each request is a new round with its own
/// sequence, so two organisers pressing at once (same round) plan each reminder once.
/// </summary>
public sealed class NonResponderReminders(AppDbContext db, OutboxPlanner planner, OutboxLedger outbox, ParticipantDirectory guests, TimeProvider clock)
{
    /// <summary>Sequences of manual rounds start here, far from the policy's (days before the session).</summary>
    public const int FirstManualSequence = 1000;

    /// <summary>Whether reminders make sense for this session now; null when they do, else why not.</summary>
    public string? WhyNot(Session session) =>
        session.IsCancelled ? "The session is cancelled."
        : clock.GetUtcNow() >= session.StartsAt ? "The session has started: reminders to answer are over."
        : null;

    public async Task<int> CountAsync(Guid sessionId, CancellationToken ct) => (await NonRespondersAsync(sessionId, ct)).Count;

    public async Task<RemindNowResult> RemindAsync(Session session, CancellationToken ct)
    {
        var people = await NonRespondersAsync(session.Id, ct);
        var last = await outbox.LastSequenceAsync(session.Id, MessageKind.Reminder, FirstManualSequence, ct: ct);
        var round = (last ?? FirstManualSequence - 1) + 1;
        var planned = people.Count == 0 ? 0 : await planner.PlanAsync(session, people, MessageKind.Reminder, round, null, ct);
        return new RemindNowResult(people.Count, planned, round - FirstManualSequence + 1);
    }

    /// <summary>Those whose invitation went out and who have not answered, except those who asked for no more reminders.</summary>
    private async Task<List<Domain.Participants.Participant>> NonRespondersAsync(Guid sessionId, CancellationToken ct)
    {
        var ids = await db.Invitations.Where(i => i.SessionId == sessionId && i.Status == RsvpStatus.Invited).Select(i => i.ParticipantId).ToListAsync(ct);
        return (await guests.ManyAsync(ids, ct)).Where(p => p.StoppedAt is null).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>What a repair run found missing and put back.</summary>
public sealed record RepairReport(int InvitationsPlanned, int InvitationsMarkedInvited, int RemindersPlanned)
{
    public int Total => InvitationsPlanned + InvitationsMarkedInvited + RemindersPlanned;
}

/// <summary>
/// Checks the outbox's promises against the invitations, and mends what a crash or a bug left behind:
/// an invitation never sent must have its invitation message; one whose message went must be "invited";
/// every invitation of a session to come must have the reminders its session's policy plans. Runs at
/// start-up and every few minutes (the job <c>outbox-repair</c>), each repair in its own transaction,
/// with a log line and a counter (<see cref="DeliveryMetrics"/>). Since use cases save their messages with
/// their changes, a run normally finds nothing.
/// </summary>
public sealed class OutboxRepair(AppDbContext db, UnitOfWork unit, SessionMessages messages, OutboxPlanner planner, DeliveryMetrics metrics,
    TimeProvider clock, ILogger<OutboxRepair> logger)
{
    private const int Chunk = 500;

    public async Task<RepairReport> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.State == Domain.Campaigns.SessionState.Scheduled && s.EndsAt > now)
            .Select(s => s.Id).ToListAsync(ct);
        int planned = 0, invited = 0, reminded = 0;
        foreach (var sessionId in sessions)
        {
            planned += await PlanMissingInvitationsAsync(sessionId, ct);
            invited += await MarkDeliveredInvitedAsync(sessionId, ct);
            reminded += await PlanMissingRemindersAsync(sessionId, ct);
        }
        var report = new RepairReport(planned, invited, reminded);
        if (report.Total > 0)
        {
            logger.LogWarning("Outbox repair: {Planned} invitation(s) without a message planned, {Invited} delivered invitation(s) marked invited, " +
                "{Reminders} invitation(s) given their missing reminders.", planned, invited, reminded);
            metrics.Repaired("invitationPlanned", planned);
            metrics.Repaired("invitationMarkedInvited", invited);
            metrics.Repaired("remindersPlanned", reminded);
        }
        return report;
    }

    /// <summary>Invitations never sent that have no invitation message at all (planned, sent, skipped or failed).</summary>
    private async Task<int> PlanMissingInvitationsAsync(Guid sessionId, CancellationToken ct)
    {
        var lacking = await db.Invitations.AsNoTracking()
            .Where(i => i.SessionId == sessionId && i.Status == RsvpStatus.NotSent
                && !db.OutboundMessages.Any(m => m.SessionId == sessionId && m.ParticipantId == i.ParticipantId && m.Kind == MessageKind.Invitation))
            .Select(i => i.ParticipantId).ToListAsync(ct);
        var done = 0;
        foreach (var chunk in lacking.Chunk(Chunk))
            done += await unit.RunAsync(async c =>
            {
                var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, c);
                var campaign = await db.Campaigns.AsNoTracking().FirstAsync(x => x.Id == session.CampaignId, c);
                // Read again inside the transaction: an invite call may have planned them meanwhile.
                var people = await db.Participants.AsNoTracking().Where(p => chunk.Contains(p.Id)
                    && !db.OutboundMessages.Any(m => m.SessionId == sessionId && m.ParticipantId == p.Id && m.Kind == MessageKind.Invitation)).ToListAsync(c);
                await messages.InviteAsync(session, campaign, people, c);
                return people.Count;
            }, ct);
        return done;
    }

    /// <summary>Invitations still "not sent" whose invitation message did go.</summary>
    private Task<int> MarkDeliveredInvitedAsync(Guid sessionId, CancellationToken ct) => unit.RunAsync(async c =>
    {
        var delivered = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.SessionId == sessionId && m.Kind == MessageKind.Invitation && m.Status == DeliveryStatus.Sent)
            .Select(m => new { m.ParticipantId, m.Channel, m.SentAt }).ToListAsync(c);
        var ids = delivered.Select(d => d.ParticipantId).Distinct().ToList();
        if (ids.Count == 0) return 0;
        var notSent = await db.Invitations.Where(i => i.SessionId == sessionId && i.Status == RsvpStatus.NotSent && ids.Contains(i.ParticipantId)).ToListAsync(c);
        foreach (var invitation in notSent)
        {
            var first = delivered.Where(d => d.ParticipantId == invitation.ParticipantId).MinBy(d => d.SentAt)!;
            invitation.MoveTo(RsvpStatus.Invited, first.Channel == DeliveryChannel.Teams ? AnswerChannel.Teams : AnswerChannel.Email, "system",
                first.SentAt ?? clock.GetUtcNow(), "repaired: the invitation had been delivered");
        }
        return notSent.Count;
    }, ct);

    /// <summary>Invitations of a session to come with no reminder planned, sent or dropped at all: the policy's reminders still ahead are planned.</summary>
    private async Task<int> PlanMissingRemindersAsync(Guid sessionId, CancellationToken ct)
    {
        var reminded = SessionMessages.Reminded;
        var kinds = SessionMessages.ReminderKinds;
        var lacking = await db.Invitations.AsNoTracking()
            .Where(i => i.SessionId == sessionId && reminded.Contains(i.Status)
                && !db.OutboundMessages.Any(m => m.SessionId == sessionId && m.ParticipantId == i.ParticipantId && kinds.Contains(m.Kind)))
            .Select(i => i.ParticipantId).ToListAsync(ct);
        var done = 0;
        foreach (var chunk in lacking.Chunk(Chunk))
            done += await unit.RunAsync(async c =>
            {
                var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, c);
                var campaign = await db.Campaigns.AsNoTracking().FirstAsync(x => x.Id == session.CampaignId, c);
                var people = await db.Participants.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(c);
                // Only what is still ahead: a person whose reminders have all passed gets none, and is not counted.
                var planned = await planner.PlanRemindersAsync(session, campaign, people, c);
                return planned > 0 ? db.ChangeTracker.Entries<OutboundMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.ParticipantId).Distinct().Count() : 0;
            }, ct);
        return done;
    }
}

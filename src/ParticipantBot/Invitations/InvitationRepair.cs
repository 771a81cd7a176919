using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

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
public sealed class InvitationRepair(AppDbContext db, UnitOfWork unit, SessionMessages messages, OutboxPlanner planner, OutboxLedger outbox,
    CampaignDirectory campaigns, ParticipantDirectory guests, DeliveryMetrics metrics, TimeProvider clock, ILogger<InvitationRepair> logger)
{
    private const int Chunk = 500;

    public async Task<RepairReport> RunAsync(CancellationToken ct)
    {
        int planned = 0, invited = 0, reminded = 0;
        foreach (var sessionId in await campaigns.ComingSessionIdsAsync(clock.GetUtcNow(), ct))
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
        var lacking = await LackingAsync(sessionId, [RsvpStatus.NotSent], [MessageKind.Invitation], ct);
        var done = 0;
        foreach (var chunk in lacking.Chunk(Chunk))
            done += await unit.RunAsync(async c =>
            {
                var (session, campaign) = (await campaigns.SessionWithCampaignAsync(sessionId, c))!.Value;
                // Read again inside the transaction: an invite call may have planned them meanwhile.
                var withMessage = await outbox.PeopleWithAsync(sessionId, [MessageKind.Invitation], chunk, c);
                var people = await guests.ManyAsync(chunk.Where(id => !withMessage.Contains(id)).ToList(), c);
                await messages.InviteAsync(session, campaign, people, c);
                return people.Count;
            }, ct);
        return done;
    }

    /// <summary>Invitations still "not sent" whose invitation message did go.</summary>
    private Task<int> MarkDeliveredInvitedAsync(Guid sessionId, CancellationToken ct) => unit.RunAsync(async c =>
    {
        var delivered = await outbox.SentAsync(sessionId, MessageKind.Invitation, c);
        var ids = delivered.Select(d => d.ParticipantId).Distinct().ToList();
        if (ids.Count == 0) return 0;
        var notSent = await db.Invitations.Where(i => i.SessionId == sessionId && i.Status == RsvpStatus.NotSent && ids.Contains(i.ParticipantId)).ToListAsync(c);
        foreach (var invitation in notSent)
        {
            var first = delivered.Where(d => d.ParticipantId == invitation.ParticipantId).MinBy(d => d.SentAt);
            invitation.MoveTo(RsvpStatus.Invited, first.Channel == DeliveryChannel.Teams ? AnswerChannel.Teams : AnswerChannel.Email, "system",
                first.SentAt ?? clock.GetUtcNow(), "repaired: the invitation had been delivered");
        }
        return notSent.Count;
    }, ct);

    /// <summary>Invitations of a session to come with no reminder planned, sent or dropped at all: the policy's reminders still ahead are planned.</summary>
    private async Task<int> PlanMissingRemindersAsync(Guid sessionId, CancellationToken ct)
    {
        var lacking = await LackingAsync(sessionId, SessionMessages.Reminded, SessionMessages.ReminderKinds, ct);
        var done = 0;
        foreach (var chunk in lacking.Chunk(Chunk))
            done += await unit.RunAsync(async c =>
            {
                var (session, campaign) = (await campaigns.SessionWithCampaignAsync(sessionId, c))!.Value;
                // Only what is still ahead: a person whose reminders have all passed gets none, and is not counted.
                await planner.PlanRemindersAsync(session, campaign, await guests.ManyAsync(chunk, c), c);
                return outbox.PlannedNow().Select(m => m.ParticipantId).Distinct().Count();
            }, ct);
        return done;
    }

    /// <summary>The people of a session whose invitation is in one of these states and who have no message of these kinds at all.</summary>
    private async Task<List<Guid>> LackingAsync(Guid sessionId, IReadOnlyCollection<RsvpStatus> states, IReadOnlyCollection<MessageKind> kinds, CancellationToken ct)
    {
        var invited = await db.Invitations.AsNoTracking().Where(i => i.SessionId == sessionId && states.Contains(i.Status)).Select(i => i.ParticipantId).ToListAsync(ct);
        if (invited.Count == 0) return [];
        var covered = await outbox.PeopleWithAsync(sessionId, kinds, ct: ct);
        return invited.Where(id => !covered.Contains(id)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

public sealed record Resend(Guid SessionId, Guid ParticipantId, string By);

/// <summary>
/// The invitation again, on the person's channels (a lost email, a new address): a new message with
/// a sequence of its own, never a copy of one in flight; planned with its audit entry.
/// </summary>
public sealed class ResendHandler(AppDbContext db, UnitOfWork unit, OutboxPlanner planner, OutboxLedger outbox, CampaignDirectory campaigns,
    ParticipantDirectory guests, AuditLog audit, TimeProvider clock)
{
    /// <summary>Sequences of invitations sent again by hand start here, apart from the session's own sequence.</summary>
    public const int FirstResendSequence = 1000;

    public Task<Outcome<int>> HandleAsync(Resend command, CancellationToken ct) => unit.RunAsync<int>(async c =>
    {
        var session = await campaigns.SessionAsync(command.SessionId, c);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.SessionId == command.SessionId && i.ParticipantId == command.ParticipantId, c);
        var person = await guests.FindAsync(command.ParticipantId, c);
        if (session is null || invitation is null || person is null) return Refusal.NotFound();
        if (session.IsCancelled) return Refusal.Conflict("The session is cancelled: there is nothing to send.", "state", "session.cancelled");
        if (clock.GetUtcNow() >= session.EndsAt) return Refusal.Conflict("The session is over: there is no invitation to send again.", "state", "session.over");
        if (Answering.IsSettled(invitation.Status))
            return Refusal.Conflict($"The invitation is {RsvpTransitions.Name(invitation.Status)}: it is not sent again.", "status", "resend.settled");
        var last = await outbox.LastSequenceAsync(session.Id, MessageKind.Invitation, FirstResendSequence, person.Id, c);
        var planned = await planner.PlanAsync(session, [person], MessageKind.Invitation, (last ?? FirstResendSequence - 1) + 1, null, c);
        if (planned == 0) return Refusal.Conflict("No channel can reach this person: add an email address or their Teams account first.", "channel", "resend.unreachable");
        audit.RecordAs(command.By, session.CampaignId, AuditAction.InvitationsSent, "Invitation sent again.", session.Id, person.Id);
        return planned;
    }, ct);
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

public sealed record CancelSession(Guid SessionId, string By);

/// <summary>
/// Cancels a session: the session, every invitation (cancelled, with its history), every planned
/// message dropped, a cancellation to everyone who held the invitation, and the audit entry — in one
/// transaction, so that a crash cancels all of it or nothing. Cancelling again changes nothing.
/// </summary>
public sealed class CancelSessionHandler(AppDbContext db, UnitOfWork unit, SessionMessages messages, AuditLog audit, TimeProvider clock)
{
    public Task<Outcome<Session>> HandleAsync(CancelSession command, CancellationToken ct) => unit.RunAsync<Session>(async c =>
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.SessionId, c);
        if (session is null) return Refusal.NotFound();
        if (session.IsCancelled) return session;
        var now = clock.GetUtcNow();
        session.Cancel();
        var invitations = await db.Invitations.Where(i => i.SessionId == session.Id).ToListAsync(c);
        var informed = invitations.Where(i => SessionMessages.HoldsInvitation(i.Status)).Select(i => i.ParticipantId).ToList();
        foreach (var invitation in invitations.Where(i => RsvpTransitions.CanMove(i.Status, RsvpStatus.Cancelled)))
            invitation.MoveTo(RsvpStatus.Cancelled, AnswerChannel.Organiser, command.By, now, "session cancelled");
        await messages.SessionCancelledAsync(session, informed, c);
        audit.RecordAs(command.By, session.CampaignId, AuditAction.SessionCancelled, "Session cancelled; its invitations are cancelled.", session.Id);
        return session;
    }, ct);
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

public sealed record CancelSession(Guid SessionId, string By);

/// <summary>
/// Cancels a session: the session, every invitation (cancelled, with its history), every planned
/// message dropped, a cancellation to everyone who held the invitation, and the audit entry — in one
/// transaction, so that a crash cancels all of it or nothing. Cancelling again changes nothing.
/// </summary>
public sealed class CancelSessionHandler(AppDbContext db, UnitOfWork unit, IEnumerable<ISessionListener> listeners, AuditLog audit)
{
    public Task<Outcome<Session>> HandleAsync(CancelSession command, CancellationToken ct) => unit.RunAsync<Session>(async c =>
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.SessionId, c);
        if (session is null) return Refusal.NotFound();
        if (session.IsCancelled) return session;
        session.Cancel();
        // Its invitations are cancelled, what was planned is dropped and those who held the invitation are told.
        foreach (var listener in listeners) await listener.SessionCancelledAsync(session, command.By, c);
        audit.RecordAs(command.By, session.CampaignId, AuditAction.SessionCancelled, "Session cancelled; its invitations are cancelled.", session.Id);
        return session;
    }, ct);
}

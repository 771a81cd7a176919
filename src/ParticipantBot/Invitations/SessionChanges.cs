using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <summary>What a session's change means for its invitations and their messages, inside the change's unit of work.</summary>
public sealed class SessionChanges(AppDbContext db, SessionMessages messages, TimeProvider clock) : ISessionListener
{
    public async Task SessionChangedAsync(Session session, Campaign campaign, bool moved, bool selfCheckInChanged, CancellationToken ct)
    {
        if (moved) await messages.SessionChangedAsync(session, campaign, ct);
        if (selfCheckInChanged) await messages.SelfCheckInChangedAsync(session, ct);
    }

    /// <summary>Every invitation is cancelled (with its history); those who held it are told.</summary>
    public async Task SessionCancelledAsync(Session session, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var invitations = await db.Invitations.Where(i => i.SessionId == session.Id).ToListAsync(ct);
        var informed = invitations.Where(i => SessionMessages.HoldsInvitation(i.Status)).Select(i => i.ParticipantId).ToList();
        foreach (var invitation in invitations.Where(i => RsvpTransitions.CanMove(i.Status, RsvpStatus.Cancelled)))
            invitation.MoveTo(RsvpStatus.Cancelled, AnswerChannel.Organiser, by, now, "session cancelled");
        await messages.SessionCancelledAsync(session, informed, ct);
    }

    public Task ReminderPolicyChangedAsync(Session session, Campaign campaign, CancellationToken ct) => messages.ReplanRemindersAsync(session, campaign, ct);
}

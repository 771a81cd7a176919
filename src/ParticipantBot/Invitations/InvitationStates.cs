using Microsoft.EntityFrameworkCore;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <summary>The invitations as the outbox's dispatcher needs them: their states for the stop rules, and "invited" once delivered.</summary>
public sealed class InvitationStates(AppDbContext db) : IInvitationStates
{
    public async Task<Dictionary<(Guid Session, Guid Participant), Invitation>> ReadAsync(
        IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<Guid> participantIds, CancellationToken ct) =>
        (await db.Invitations.AsNoTracking().Where(i => sessionIds.Contains(i.SessionId) && participantIds.Contains(i.ParticipantId)).ToListAsync(ct))
            .ToDictionary(i => (i.SessionId, i.ParticipantId));

    public async Task DeliveredAsync(IReadOnlyCollection<OutboundMessage> invitationMessages, DateTimeOffset at, CancellationToken ct)
    {
        var sessions = invitationMessages.Select(m => m.SessionId).Distinct().ToList();
        var people = invitationMessages.Select(m => m.ParticipantId).Distinct().ToList();
        var notSent = (await db.Invitations
                .Where(i => sessions.Contains(i.SessionId) && people.Contains(i.ParticipantId) && i.Status == RsvpStatus.NotSent).ToListAsync(ct))
            .ToDictionary(i => (i.SessionId, i.ParticipantId));
        foreach (var message in invitationMessages)
            if (notSent.Remove((message.SessionId, message.ParticipantId), out var invitation))
                invitation.MoveTo(RsvpStatus.Invited, message.Channel == DeliveryChannel.Teams ? AnswerChannel.Teams : AnswerChannel.Email, "system", at);
    }
}

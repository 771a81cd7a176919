using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>What a session's invitees are told when they are invited, when it moves and when it is cancelled.</summary>
public sealed class SessionMessages(AppDbContext db, OutboxPlanner planner) : IInvitationDispatch
{
    /// <summary>States of people who hold the session in their calendar.</summary>
    private static readonly RsvpStatus[] Informed =
        [RsvpStatus.Invited, RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Waitlisted, RsvpStatus.Offered];

    public async Task<int> HandOverAsync(Session session, IReadOnlyList<Invitation> invitations, CancellationToken ct)
    {
        var ids = invitations.Select(i => i.ParticipantId).ToList();
        var people = await db.Participants.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        await planner.PlanAsync(session, people, MessageKind.Invitation, session.Sequence, null, ct);
        var reachable = await planner.ReachableInTeamsAsync(people, ct);
        return people.Count(p => planner.ChannelsFor(p, p.TeamsObjectId is not null && reachable.Contains(p.TeamsObjectId)).Count > 0);
    }

    /// <summary>The time or place changed: an update (same UID, higher SEQUENCE) to everyone who holds the invitation.</summary>
    public async Task<int> SessionChangedAsync(Session session, CancellationToken ct)
    {
        var people = await PeopleAsync(session.Id, Informed, ct);
        return await planner.PlanAsync(session, people, MessageKind.Update, session.Sequence, null, ct);
    }

    /// <summary>Cancelled: a cancellation to everyone who held the invitation, given their states before the cancellation.</summary>
    public async Task<int> SessionCancelledAsync(Session session, IReadOnlyCollection<Guid> informedParticipantIds, CancellationToken ct)
    {
        var people = await db.Participants.Where(p => informedParticipantIds.Contains(p.Id)).ToListAsync(ct);
        return await planner.PlanAsync(session, people, MessageKind.Cancellation, session.Sequence, null, ct);
    }

    /// <summary>Tells a person who just joined the waiting list, and the person a freed seat is now offered to.</summary>
    public async Task AfterAnswerAsync(Session session, Guid participantId, AnswerOutcome outcome, CancellationToken ct)
    {
        if (outcome.Changed && outcome.Status == RsvpStatus.Waitlisted)
        {
            var person = await db.Participants.FirstAsync(p => p.Id == participantId, ct);
            var invitation = await db.Invitations.FirstAsync(i => i.SessionId == session.Id && i.ParticipantId == participantId, ct);
            await planner.PlanAsync(session, [person], MessageKind.Waitlisted, invitation.Version, null, ct);
        }
        if (outcome.SeatOfferedTo is { } offered)
        {
            var next = await db.Participants.FirstAsync(p => p.Id == offered.ParticipantId, ct);
            await planner.PlanAsync(session, [next], MessageKind.SeatOffered, offered.Version, null, ct);
        }
    }

    public static bool HoldsInvitation(RsvpStatus status) => Informed.Contains(status);

    private async Task<List<Domain.Participants.Participant>> PeopleAsync(Guid sessionId, RsvpStatus[] states, CancellationToken ct)
    {
        var ids = await db.Invitations.Where(i => i.SessionId == sessionId && states.Contains(i.Status)).Select(i => i.ParticipantId).ToListAsync(ct);
        return await db.Participants.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
    }
}

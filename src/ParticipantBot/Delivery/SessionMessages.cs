using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Reminders;
using ParticipantBot.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>
/// What a session's invitees are told, and when: the invitation and its reminders, updates when
/// the session moves, a cancellation when it is cancelled, waiting-list notices; and the planned
/// reminders that an answer, a move or a cancellation makes obsolete.
/// </summary>
public sealed class SessionMessages(AppDbContext db, OutboxPlanner planner, TimeProvider clock) : IInvitationDispatch
{
    /// <summary>States of people who hold the session in their calendar.</summary>
    private static readonly RsvpStatus[] Informed =
        [RsvpStatus.Invited, RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Waitlisted, RsvpStatus.Offered];

    private static readonly MessageKind[] ReminderKinds = [MessageKind.Reminder, MessageKind.DayBefore, MessageKind.Today];

    public async Task<int> HandOverAsync(Session session, IReadOnlyList<Invitation> invitations, CancellationToken ct)
    {
        var ids = invitations.Select(i => i.ParticipantId).ToList();
        var people = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == session.CampaignId, ct);
        await planner.PlanAsync(session, people, MessageKind.Invitation, session.Sequence, null, ct);
        await planner.PlanRemindersAsync(session, campaign, people, ct);
        var reachable = await planner.ReachableInTeamsAsync(people, ct);
        return people.Count(p => planner.ChannelsFor(p, p.TeamsObjectId is not null && reachable.Contains(p.TeamsObjectId)).Count > 0);
    }

    /// <summary>
    /// The time or place changed: an update (same UID, higher SEQUENCE) to everyone who holds the
    /// invitation, and every planned reminder moved to its new time (or dropped when it no longer fits).
    /// </summary>
    public async Task<int> SessionChangedAsync(Session session, CancellationToken ct)
    {
        var people = await PeopleAsync(session.Id, Informed, ct);
        var updates = await planner.PlanAsync(session, people, MessageKind.Update, session.Sequence, null, ct);
        await ReplanRemindersAsync(session, ct);
        return updates;
    }

    /// <summary>The reminder policy or the session's time changed: planned reminders follow, new ones are added.</summary>
    public async Task ReplanRemindersAsync(Session session, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == session.CampaignId, ct);
        var now = clock.GetUtcNow();
        var planned = await db.OutboundMessages
            .Where(m => m.SessionId == session.Id && m.Status == DeliveryStatus.Planned && ReminderKinds.Contains(m.Kind)).ToListAsync(ct);
        var ids = planned.Select(m => m.ParticipantId).Distinct().ToList();
        var zones = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ZoneOr(campaign.TimeZoneId), ct);
        foreach (var message in planned)
        {
            var due = zones.TryGetValue(message.ParticipantId, out var zone)
                ? ReminderSchedule.DueOf(message.Kind, message.Sequence, session, session.ReminderPolicy, zone, now)
                : null;
            if (due is { } at) message.Reschedule(at);
            else message.Skip("No longer fits the session's time or reminder policy.");
        }
        await db.SaveChangesAsync(ct);
        var invited = await PeopleAsync(session.Id, [RsvpStatus.NotSent, .. Informed], ct);
        await planner.PlanRemindersAsync(session, campaign, invited, ct);
    }

    /// <summary>
    /// Cancelled: every planned message of the session is dropped, and a cancellation goes to
    /// everyone who held the invitation, given their states before the cancellation.
    /// </summary>
    public async Task<int> SessionCancelledAsync(Session session, IReadOnlyCollection<Guid> informedParticipantIds, CancellationToken ct)
    {
        var pending = await db.OutboundMessages.Where(m => m.SessionId == session.Id && m.Status == DeliveryStatus.Planned).ToListAsync(ct);
        foreach (var message in pending) message.Skip("The session was cancelled.");
        await db.SaveChangesAsync(ct);
        var people = await db.Participants.Where(p => informedParticipantIds.Contains(p.Id)).ToListAsync(ct);
        return await planner.PlanAsync(session, people, MessageKind.Cancellation, session.Sequence, null, ct);
    }

    /// <summary>
    /// After an answer, whatever its channel: pending non-responder reminders are dropped; a person
    /// who just joined the waiting list is told, and so is the person a freed seat is now offered to.
    /// </summary>
    public async Task AfterAnswerAsync(Session session, Guid participantId, AnswerOutcome outcome, CancellationToken ct)
    {
        if (!RsvpTransitions.AwaitsAnswer(outcome.Status))
        {
            var reminders = await db.OutboundMessages.Where(m => m.SessionId == session.Id && m.ParticipantId == participantId
                && m.Kind == MessageKind.Reminder && m.Status == DeliveryStatus.Planned).ToListAsync(ct);
            foreach (var reminder in reminders) reminder.Skip("The person answered.");
            await db.SaveChangesAsync(ct);
        }
        if (outcome.Changed && outcome.Status == RsvpStatus.Waitlisted)
        {
            var person = await db.Participants.FirstAsync(p => p.Id == participantId, ct);
            var invitation = await db.Invitations.FirstAsync(i => i.SessionId == session.Id && i.ParticipantId == participantId, ct);
            await planner.PlanAsync(session, [person], MessageKind.Waitlisted, invitation.Version, null, ct);
        }
        if (outcome.Changed && outcome.Status == RsvpStatus.Withdrawn
            && await db.OutboundMessages.AnyAsync(m => m.SessionId == session.Id && m.ParticipantId == participantId
                && m.Kind == MessageKind.Invitation && m.Status == DeliveryStatus.Sent, ct))
        {
            // They had the invitation (and, by email or Outlook, a calendar entry): tell them it is withdrawn, which removes it.
            var person = await db.Participants.FirstAsync(p => p.Id == participantId, ct);
            var invitation = await db.Invitations.FirstAsync(i => i.SessionId == session.Id && i.ParticipantId == participantId, ct);
            await planner.PlanAsync(session, [person], MessageKind.Withdrawal, invitation.Version, null, ct);
        }
        if (outcome.Changed && session.SelfCheckIn && ExpectedAtCheckIn.Contains(outcome.Status) && clock.GetUtcNow() < session.EndsAt)
        {
            var person = await db.Participants.FirstAsync(p => p.Id == participantId, ct);
            var opens = session.StartsAt - Session.CheckInOpensBefore;
            await planner.PlanAsync(session, [person], MessageKind.CheckIn, session.Sequence, opens > clock.GetUtcNow() ? opens : null, ct);
        }
        if (outcome.SeatOfferedTo is { } offered)
        {
            var next = await db.Participants.FirstAsync(p => p.Id == offered.ParticipantId, ct);
            await planner.PlanAsync(session, [next], MessageKind.SeatOffered, offered.Version, null, ct);
        }
    }

    /// <summary>
    /// Self check-in switched on (or the session moved while it is on): the people expected get an "I'm here"
    /// card in Teams when the check-in window opens; switched off, the cards not yet sent are dropped.
    /// </summary>
    public async Task SelfCheckInChangedAsync(Session session, CancellationToken ct)
    {
        var pending = await db.OutboundMessages.Where(m => m.SessionId == session.Id && m.Kind == MessageKind.CheckIn && m.Status == DeliveryStatus.Planned).ToListAsync(ct);
        foreach (var card in pending) card.Skip(session.SelfCheckIn ? "The session moved: a new card is planned." : "Self check-in was switched off.");
        await db.SaveChangesAsync(ct);
        if (!session.SelfCheckIn || session.IsCancelled || clock.GetUtcNow() >= session.EndsAt) return;
        var expected = await PeopleAsync(session.Id, ExpectedAtCheckIn, ct);
        var opens = session.StartsAt - Session.CheckInOpensBefore;
        await planner.PlanAsync(session, expected, MessageKind.CheckIn, session.Sequence, opens > clock.GetUtcNow() ? opens : null, ct);
    }

    /// <summary>Who gets the "I'm here" card: those who said they would (or might) come.</summary>
    public static readonly RsvpStatus[] ExpectedAtCheckIn = [RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Offered];

    public static bool HoldsInvitation(RsvpStatus status) => Informed.Contains(status);

    private async Task<List<Domain.Participants.Participant>> PeopleAsync(Guid sessionId, RsvpStatus[] states, CancellationToken ct)
    {
        var ids = await db.Invitations.Where(i => i.SessionId == sessionId && states.Contains(i.Status)).Select(i => i.ParticipantId).ToListAsync(ct);
        return await db.Participants.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
    }
}

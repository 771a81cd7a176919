using Microsoft.EntityFrameworkCore;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Reminders;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <summary>
/// What a session's invitees are told, and when: the invitation and its reminders, updates when
/// the session moves, a cancellation when it is cancelled, waiting-list notices; and the planned
/// reminders that an answer, a move or a cancellation makes obsolete. Every method only changes the
/// use case's unit of work: the caller saves it, with the change that caused the messages, in one
/// transaction (<see cref="UnitOfWork"/>).
/// </summary>
public sealed class SessionMessages(AppDbContext db, OutboxPlanner planner, OutboxLedger outbox, ParticipantDirectory guests, TimeProvider clock)
{
    /// <summary>States of people who hold the session in their calendar.</summary>
    private static readonly RsvpStatus[] Informed =
        [RsvpStatus.Invited, RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Waitlisted, RsvpStatus.Offered];

    /// <summary>States in which an invitation's reminders are kept planned (the stop rules decide at sending).</summary>
    public static readonly RsvpStatus[] Reminded = [RsvpStatus.NotSent, .. Informed];

    public static readonly MessageKind[] ReminderKinds = [MessageKind.Reminder, MessageKind.DayBefore, MessageKind.Today];

    /// <summary>Who gets the "I'm here" card: those who said they would (or might) come.</summary>
    public static readonly RsvpStatus[] ExpectedAtCheckIn = [RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Offered];

    public static bool HoldsInvitation(RsvpStatus status) => Informed.Contains(status);

    /// <summary>The invitation and the reminders its session's policy plans, for these people.</summary>
    /// <returns>How many of them at least one channel will reach.</returns>
    public async Task<int> InviteAsync(Session session, Campaign campaign, IReadOnlyCollection<Participant> people, CancellationToken ct)
    {
        await planner.PlanAsync(session, people, MessageKind.Invitation, session.Sequence, null, ct);
        await planner.PlanRemindersAsync(session, campaign, people, ct);
        var reachable = await planner.ReachableInTeamsAsync(people, ct);
        return people.Count(p => planner.ChannelsFor(p, p.TeamsObjectId is not null && reachable.Contains(p.TeamsObjectId)).Count > 0);
    }

    /// <summary>
    /// The time or place changed: an update (same UID, higher SEQUENCE) to everyone who holds the
    /// invitation, and every planned reminder moved to its new time (or dropped when it no longer fits).
    /// </summary>
    public async Task<int> SessionChangedAsync(Session session, Campaign campaign, CancellationToken ct)
    {
        var people = await PeopleAsync(session.Id, Informed, ct);
        var updates = await planner.PlanAsync(session, people, MessageKind.Update, session.Sequence, null, ct);
        await ReplanRemindersAsync(session, campaign, ct);
        return updates;
    }

    /// <summary>The reminder policy or the session's time changed: planned reminders follow, new ones are added.</summary>
    public async Task ReplanRemindersAsync(Session session, Campaign campaign, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var planned = await outbox.PlannedAsync(session.Id, ReminderKinds, ct: ct);
        var ids = planned.Select(m => m.ParticipantId).Distinct().ToList();
        var zones = (await guests.ByIdAsync(ids, ct)).ToDictionary(p => p.Key, p => p.Value.ZoneOr(campaign.TimeZoneId));
        foreach (var message in planned)
        {
            var due = zones.TryGetValue(message.ParticipantId, out var zone)
                ? ReminderSchedule.DueOf(message.Kind, message.Sequence, session, session.ReminderPolicy, zone, now)
                : null;
            if (due is { } at) message.Reschedule(at);
            else message.Skip("No longer fits the session's time or reminder policy.");
        }
        await planner.PlanRemindersAsync(session, campaign, await PeopleAsync(session.Id, Reminded, ct), ct);
    }

    /// <summary>
    /// Cancelled: every planned message of the session is dropped, and a cancellation goes to
    /// everyone who held the invitation, given their states before the cancellation.
    /// </summary>
    public async Task<int> SessionCancelledAsync(Session session, IReadOnlyCollection<Guid> informedParticipantIds, CancellationToken ct)
    {
        foreach (var message in await outbox.PlannedAsync(session.Id, ct: ct)) message.Skip("The session was cancelled.");
        var informed = await guests.ManyAsync(informedParticipantIds, ct);
        return await planner.PlanAsync(session, informed, MessageKind.Cancellation, session.Sequence, null, ct);
    }

    /// <summary>
    /// After an answer, whatever its channel: pending non-responder reminders are dropped; a person
    /// who just joined the waiting list is told, and so is the person a freed seat is now offered to;
    /// a withdrawn person who had the invitation is told it is withdrawn; someone newly expected gets
    /// the "I'm here" card when self check-in is on.
    /// </summary>
    public async Task AfterAnswerAsync(Session session, Invitation invitation, AnswerOutcome outcome, CancellationToken ct)
    {
        var participantId = invitation.ParticipantId;
        if (!RsvpTransitions.AwaitsAnswer(outcome.Status))
        {
            foreach (var reminder in await outbox.PlannedAsync(session.Id, [MessageKind.Reminder], participantId, ct)) reminder.Skip("The person answered.");
        }
        if (!outcome.Changed && outcome.SeatOfferedTo is null) return;
        var now = clock.GetUtcNow();
        if (outcome.Changed && outcome.Status == RsvpStatus.Waitlisted)
            await planner.PlanAsync(session, [await PersonAsync(participantId, ct)], MessageKind.Waitlisted, invitation.Version, null, ct);
        if (outcome.Changed && outcome.Status == RsvpStatus.Withdrawn
            && await outbox.AnyAsync(session.Id, participantId, MessageKind.Invitation, DeliveryStatus.Sent, ct))
            // They had the invitation (and, by email or Outlook, a calendar entry): tell them it is withdrawn, which removes it.
            await planner.PlanAsync(session, [await PersonAsync(participantId, ct)], MessageKind.Withdrawal, invitation.Version, null, ct);
        if (outcome.Changed && session.SelfCheckIn && ExpectedAtCheckIn.Contains(outcome.Status) && now < session.EndsAt)
        {
            var opens = session.StartsAt - Session.CheckInOpensBefore;
            await planner.PlanAsync(session, [await PersonAsync(participantId, ct)], MessageKind.CheckIn, session.Sequence, opens > now ? opens : null, ct);
        }
        if (outcome.SeatOfferedTo is { } offered)
            await planner.PlanAsync(session, [await PersonAsync(offered.ParticipantId, ct)], MessageKind.SeatOffered, offered.Version, null, ct);
    }

    /// <summary>
    /// Self check-in switched on (or the session moved while it is on): the people expected get an "I'm here"
    /// card in Teams when the check-in window opens; switched off, the cards not yet sent are dropped.
    /// </summary>
    public async Task SelfCheckInChangedAsync(Session session, CancellationToken ct)
    {
        foreach (var card in await outbox.PlannedAsync(session.Id, [MessageKind.CheckIn], ct: ct)) card.Skip(session.SelfCheckIn ? "The session moved: a new card is planned." : "Self check-in was switched off.");
        var now = clock.GetUtcNow();
        if (!session.SelfCheckIn || session.IsCancelled || now >= session.EndsAt) return;
        var expected = await PeopleAsync(session.Id, ExpectedAtCheckIn, ct);
        var opens = session.StartsAt - Session.CheckInOpensBefore;
        await planner.PlanAsync(session, expected, MessageKind.CheckIn, session.Sequence, opens > now ? opens : null, ct);
    }

    private async Task<Participant> PersonAsync(Guid participantId, CancellationToken ct) =>
        await guests.FindAsync(participantId, ct) ?? throw new InvalidOperationException($"Participant {participantId} is gone.");

    private async Task<List<Participant>> PeopleAsync(Guid sessionId, RsvpStatus[] states, CancellationToken ct)
    {
        var ids = await db.Invitations.Where(i => i.SessionId == sessionId && states.Contains(i.Status)).Select(i => i.ParticipantId).ToListAsync(ct);
        return await guests.ManyAsync(ids, ct);
    }
}

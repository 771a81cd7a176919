using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <summary>What is recorded on an invitation.</summary>
public abstract record Answer
{
    /// <summary>The person's own reply, from any channel (the RSVP page, a Teams card, an Outlook reply).</summary>
    public sealed record Reply(RsvpResponse Response) : Answer;
    /// <summary>A state an organiser records: an answer given by phone, attendance (attended, noShow), a withdrawal.</summary>
    public sealed record Record(RsvpStatus Status) : Answer;
    /// <summary>The person is here: checked in at the door by an organiser.</summary>
    public sealed record CheckIn : Answer;
    /// <summary>The person checks themselves in from chat, during the window of a session that allows it.</summary>
    public sealed record SelfCheckIn : Answer;
    /// <summary>A free seat for this person on the waiting list.</summary>
    public sealed record OfferSeat : Answer;
}

/// <param name="RepliedAt">When the person replied, if the channel says (Outlook): older than the invitation's last change, it changes nothing.</param>
/// <param name="AuditAs">The audit entry, for changes made on someone's behalf.</param>
public sealed record RecordAnswer(
    Guid SessionId, Guid ParticipantId, Answer Answer, AnswerChannel Channel, string By,
    string? Note = null, DateTimeOffset? RepliedAt = null, PersonStatement? Details = null, (AuditAction Action, string Text)? AuditAs = null,
    Guid? InvitationId = null);


/// <summary>What an answer did to the invitation (and to the person a freed seat went to).</summary>
public sealed record AnswerRecorded(Invitation Invitation, AnswerOutcome Outcome, bool AlreadyRecorded = false);

/// <summary>
/// One path for every answer, whoever gives it and through whatever channel: the organiser (by phone,
/// check-in, withdrawal, a seat offered), the person on the RSVP page, a Teams card, an Outlook reply, a
/// self check-in. In one transaction: the invitation's new state and its history, what the person said
/// with it, the consequences (a freed seat offered to the next person waiting, the notices that go with
/// it, reminders that no longer apply) and the audit entry.
/// </summary>
public sealed class RecordAnswerHandler(AppDbContext db, UnitOfWork unit, SessionMessages messages, CampaignDirectory campaigns, ParticipantDirectory guests,
    AuditLog audit, TimeProvider clock)
{
    public Task<Outcome<AnswerRecorded>> HandleAsync(RecordAnswer command, CancellationToken ct) => unit.RunAsync(c => ApplyAsync(command, c), ct);

    /// <summary>The answer inside a unit of work that is already open (a walk-in is added, then checked in, in one transaction).</summary>
    internal async Task<Outcome<AnswerRecorded>> ApplyAsync(RecordAnswer command, CancellationToken c)
    {
        var session = await campaigns.SessionAsync(command.SessionId, c);
        if (session is null) return Refusal.NotFound();
        var invitations = await db.Invitations.Where(i => i.SessionId == session.Id).ToListAsync(c);
        var invitation = invitations.FirstOrDefault(i => i.ParticipantId == command.ParticipantId && (command.InvitationId is null || i.Id == command.InvitationId));
        if (invitation is null) return Refusal.NotFound();
        var now = clock.GetUtcNow();
        var roster = new Roster(session, invitations);
        AnswerOutcome outcome;
        switch (command.Answer)
        {
            case Answer.Reply reply when command.Channel is not (AnswerChannel.Phone or AnswerChannel.Organiser):
                if (Answering.WhyNot(session, invitation.Status, now) is { } closed) return Refusal.Conflict(closed, "status", "answer.closed");
                // A reply older than the invitation's last change (an Outlook sync after a web answer) undoes nothing.
                if (command.RepliedAt is { } repliedAt && invitation.UpdatedAt >= repliedAt)
                    return new AnswerRecorded(invitation, new AnswerOutcome(invitation.Status, false, null), AlreadyRecorded: true);
                outcome = roster.Answer(invitation, reply.Response, command.Channel, command.By, now);
                break;
            case Answer.Reply reply:
                outcome = roster.Record(invitation, reply.Response switch
                {
                    RsvpResponse.Accept => RsvpStatus.Accepted,
                    RsvpResponse.Tentative => RsvpStatus.Tentative,
                    _ => RsvpStatus.Declined,
                }, command.Channel, command.By, now, command.Note);
                break;
            case Answer.Record record:
                outcome = roster.Record(invitation, record.Status, command.Channel, command.By, now, command.Note);
                break;
            case Answer.CheckIn:
                outcome = roster.Record(invitation, RsvpStatus.Attended, AnswerChannel.InPerson, command.By, now, command.Note);
                break;
            case Answer.SelfCheckIn:
                if (invitation.Status == RsvpStatus.Attended)
                    return new AnswerRecorded(invitation, new AnswerOutcome(invitation.Status, false, null), AlreadyRecorded: true);
                if (session.WhyNoSelfCheckIn(now) is { } why) return Refusal.Conflict(why, "status", "checkIn.closed");
                if (!SelfCheckIn.CanCheckIn(invitation.Status)) return Refusal.Conflict("This invitation cannot be checked in.", "status", "checkIn.notExpected");
                outcome = roster.Record(invitation, RsvpStatus.Attended, command.Channel, command.By, now, "checked in themselves");
                break;
            case Answer.OfferSeat:
                outcome = roster.Offer(invitation, command.By, now);
                break;
            default:
                throw new InvalidOperationException($"Unknown answer {command.Answer}.");
        }
        if (command.Details is { } details) await guests.KeepStatementAsync(invitation.ParticipantId, details, command.Channel, now, c);
        await messages.AfterAnswerAsync(session, invitation, outcome, c);
        if (command.AuditAs is { } entry && (outcome.Changed || command.Answer is Answer.Record or Answer.OfferSeat))
            audit.RecordAs(command.By, session.CampaignId, entry.Action, entry.Text, session.Id, invitation.ParticipantId);
        return new AnswerRecorded(invitation, outcome);
    }
}

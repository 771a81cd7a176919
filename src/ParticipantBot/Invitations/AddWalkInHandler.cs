using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

public sealed record AddWalkIn(Guid SessionId, ParticipantDetails Details, string By);

/// <summary>
/// Someone who came without an invitation: added to the guest list (or found on it by email and name),
/// given an invitation and checked in through the one answer path, in one transaction.
/// </summary>
public sealed class AddWalkInHandler(AppDbContext db, UnitOfWork unit, RecordAnswerHandler answers, CampaignDirectory campaigns, ParticipantDirectory guests,
    AuditLog audit, TimeProvider clock)
{
    public Task<Outcome<(AnswerRecorded Answer, Participant Person)>> HandleAsync(AddWalkIn command, CancellationToken ct) =>
        unit.RunAsync<(AnswerRecorded, Participant)>(async c =>
        {
            var session = await campaigns.SessionAsync(command.SessionId, c);
            if (session is null) return Refusal.NotFound();
            if (session.IsCancelled) return Refusal.Conflict("The session is cancelled.", "state", "session.cancelled");
            var now = clock.GetUtcNow();
            var person = await guests.SamePersonAsync(session.CampaignId, command.Details.Email, command.Details.FullName, c);
            if (person is not null && await db.Invitations.AnyAsync(i => i.SessionId == session.Id && i.ParticipantId == person.Id, c))
                return Refusal.Conflict($"This person is already invited (participant {person.Id}): check them in instead.", "email", "walkIn.alreadyInvited");
            if (person is null)
            {
                person = guests.Add(session.CampaignId, command.Details, now);
                audit.RecordAs(command.By, session.CampaignId, AuditAction.ParticipantAdded, "Added to the guest list as a walk-in.", session.Id, person.Id);
            }
            db.Invitations.Add(Invitation.Create(session.Id, person.Id, now));
            // Saved inside the transaction, so that the answer path finds the invitation with the session's others.
            await db.SaveChangesAsync(c);
            var checkedIn = await answers.ApplyAsync(new RecordAnswer(session.Id, person.Id, new Answer.CheckIn(), AnswerChannel.InPerson, command.By,
                Note: "walk-in", AuditAs: (AuditAction.WalkInAdded, "Walk-in checked in.")), c);
            if (!checkedIn.Succeeded) return checkedIn.Refusal!;
            return (checkedIn.Value!, person);
        }, ct);
}

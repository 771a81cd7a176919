using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

public sealed record Substitute(Guid SessionId, Guid ParticipantId, Guid DelegateParticipantId, string By);

/// <summary>A delegate takes someone's invitation (an institution sends another person): state and history stay.</summary>
public sealed class SubstituteHandler(AppDbContext db, UnitOfWork unit, CampaignDirectory campaigns, ParticipantDirectory guests, AuditLog audit, TimeProvider clock)
{
    public Task<Outcome<(Invitation Invitation, Participant Delegate)>> HandleAsync(Substitute command, CancellationToken ct) =>
        unit.RunAsync<(Invitation, Participant)>(async c =>
        {
            var session = await campaigns.SessionAsync(command.SessionId, c);
            var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.SessionId == command.SessionId && i.ParticipantId == command.ParticipantId, c);
            if (session is null || invitation is null) return Refusal.NotFound();
            var delegatePerson = await guests.FindInCampaignAsync(session.CampaignId, command.DelegateParticipantId, c);
            if (delegatePerson is null)
                return Refusal.Invalid("delegateParticipantId", "The delegate is not on this campaign's guest list; add them first.", "substitute.unknownDelegate");
            if (await db.Invitations.AnyAsync(i => i.SessionId == session.Id && i.ParticipantId == delegatePerson.Id, c))
                return Refusal.Conflict("The delegate already has an invitation to this session.", "delegateParticipantId", "substitute.alreadyInvited");
            invitation.Substitute(delegatePerson.Id, command.By, clock.GetUtcNow());
            audit.RecordAs(command.By, session.CampaignId, AuditAction.DelegateSubstituted,
                $"Invitation of participant {command.ParticipantId} handed to delegate {delegatePerson.Id}.", session.Id, delegatePerson.Id);
            return (invitation, delegatePerson);
        }, ct);
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

public sealed record AssignSubGroup(Guid SessionId, Guid ParticipantId, string? SubGroup, string By);

/// <summary>Puts a person in one of the session's sub-groups (or none).</summary>
public sealed class AssignSubGroupHandler(AppDbContext db, UnitOfWork unit, CampaignDirectory campaigns, AuditLog audit)
{
    public Task<Outcome<Invitation>> HandleAsync(AssignSubGroup command, CancellationToken ct) => unit.RunAsync<Invitation>(async c =>
    {
        var session = await campaigns.SessionAsync(command.SessionId, c);
        if (session is null) return Refusal.NotFound();
        var subGroup = Domain.Common.Text.Clean(command.SubGroup);
        var known = session.SubGroups.FirstOrDefault(g => string.Equals(g, subGroup, StringComparison.OrdinalIgnoreCase));
        if (subGroup is not null && known is null)
            return Refusal.Invalid("subGroup", session.SubGroups.Count == 0
                ? "This session has no sub-groups: add them to the session first (subGroups)."
                : $"Unknown sub-group '{subGroup}'; use one of: {string.Join(", ", session.SubGroups)}.", "subGroup.unknown");
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.SessionId == session.Id && i.ParticipantId == command.ParticipantId, c);
        if (invitation is null) return Refusal.NotFound();
        if (invitation.SubGroup == known) return invitation;
        invitation.AssignSubGroup(known);
        audit.RecordAs(command.By, session.CampaignId, AuditAction.SubGroupAssigned, known is null ? "Sub-group cleared." : $"Sub-group: {known}.", session.Id, invitation.ParticipantId);
        return invitation;
    }, ct);
}

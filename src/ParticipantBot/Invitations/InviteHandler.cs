using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <summary>Whom to invite: a list of participants, a stakeholder group, or everyone in the campaign.</summary>
public sealed record Invite(Guid SessionId, IReadOnlyList<Guid>? ParticipantIds, string? Group, bool All, string By, string? SubGroup = null);

/// <summary>
/// Invites people to a session. New invitations are committed in chunks, each chunk in one
/// transaction with its invitation messages, its reminders and its audit entry: a crash loses a whole
/// chunk or nothing of it, and the first messages leave while the rest is planned. Inviting again
/// plans whatever an existing invitation lacks (an invitation never sent that has no message).
/// </summary>
public sealed class InviteHandler(AppDbContext db, UnitOfWork unit, SessionMessages messages, CampaignDirectory campaigns, ParticipantDirectory guests,
    OutboxLedger outbox, AuditLog audit, TimeProvider clock)
{
    /// <summary>Invitations per transaction (10,000 at 50/s: 95.2% of the limit with 500, the first messages leaving early).</summary>
    public const int Chunk = 500;

    public async Task<Outcome<InviteResult>> HandleAsync(Invite command, CancellationToken ct)
    {
        var session = await campaigns.SessionAsync(command.SessionId, ct);
        if (session is null) return Refusal.NotFound();
        if (session.IsCancelled) return Refusal.Conflict("The session is cancelled: nobody can be invited to it.", "state", "session.cancelled");
        var choices = (command.ParticipantIds is { Count: > 0 } ? 1 : 0) + (string.IsNullOrWhiteSpace(command.Group) ? 0 : 1) + (command.All ? 1 : 0);
        if (choices != 1)
            return Refusal.Invalid("participantIds", "Say whom to invite with exactly one of: participantIds (a list), group (a stakeholder group) or all (true).", "invite.whom");
        if (Domain.Common.Text.Clean(command.SubGroup) is { } wantedGroup && !session.SubGroups.Contains(wantedGroup, StringComparer.OrdinalIgnoreCase))
            return Refusal.Invalid("subGroup", $"Unknown sub-group '{Domain.Common.Text.Printable(wantedGroup, max: 100)}'; use one of: {string.Join(", ", session.SubGroups)}.", "subGroup.unknown",
                new Dictionary<string, object?> { ["value"] = Domain.Common.Text.Printable(wantedGroup, max: 100), ["allowed"] = session.SubGroups });

        List<Guid> participantIds;
        if (command.ParticipantIds is { Count: > 0 } ids)
        {
            var wanted = ids.Distinct().ToList();
            participantIds = await guests.IdsAsync(session.CampaignId, among: wanted, ct: ct);
            var unknown = wanted.Except(participantIds).ToList();
            if (unknown.Count > 0)
                return Refusal.Invalid("participantIds", unknown.Count == 1
                    ? $"Participant {unknown[0]} is not on this campaign's guest list."
                    : $"{unknown.Count} participants are not on this campaign's guest list: {string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? "..." : "")}.",
                    "invite.unknownParticipant");
        }
        else participantIds = await guests.IdsAsync(session.CampaignId, string.IsNullOrWhiteSpace(command.Group) ? null : command.Group.Trim(), ct: ct);
        var existing = (await db.Invitations.AsNoTracking().Where(i => i.SessionId == session.Id)
            .Select(i => new { i.ParticipantId, i.Status }).ToListAsync(ct)).ToDictionary(i => i.ParticipantId, i => i.Status);
        var created = participantIds.Where(p => !existing.ContainsKey(p)).ToList();
        var whom = command.ParticipantIds is { Count: > 0 } ? "chosen people" : command.All ? "everyone" : "group " + command.Group!.Trim();

        var handed = 0;
        var made = 0;
        var chunks = created.Chunk(Chunk).ToList();
        for (var n = 0; n < chunks.Count; n++)
        {
            var (madeNow, handedNow) = await InviteChunkAsync(command, chunks[n], $"{whom}{(chunks.Count > 1 ? $", part {n + 1} of {chunks.Count}" : "")}", ct);
            made += madeNow;
            handed += handedNow;
        }
        var repaired = await RepairAsync(command, participantIds.Where(p => existing.GetValueOrDefault(p, RsvpStatus.Cancelled) == RsvpStatus.NotSent).ToList(), ct);

        var message = handed == made
            ? $"{made} invitation(s) created and handed to the channels."
            : $"{made} invitation(s) created; {made - handed} wait in notSent until a delivery channel takes them.";
        if (repaired > 0) message += $" {repaired} earlier invitation(s) that had no message were planned again.";
        return new InviteResult(participantIds.Count, made, participantIds.Count - made, handed, made - handed, message, repaired);
    }

    /// <summary>One chunk: its invitations, their messages and reminders, and its audit entry, in one transaction.</summary>
    private async Task<(int Made, int Handed)> InviteChunkAsync(Invite command, Guid[] chunk, string whom, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unit.RunAsync(async c =>
                {
                    var (session, campaign) = (await campaigns.SessionWithCampaignAsync(command.SessionId, c))!.Value;
                    // Read again inside the transaction: someone may have invited some of them meanwhile.
                    var already = (await db.Invitations.AsNoTracking().Where(i => i.SessionId == session.Id && chunk.Contains(i.ParticipantId))
                        .Select(i => i.ParticipantId).ToListAsync(c)).ToHashSet();
                    var people = (await guests.ManyAsync(chunk, c)).Where(p => !already.Contains(p.Id)).ToList();
                    if (people.Count == 0) return (0, 0);
                    var now = clock.GetUtcNow();
                    var subGroup = session.SubGroups.FirstOrDefault(g => string.Equals(g, Domain.Common.Text.Clean(command.SubGroup), StringComparison.OrdinalIgnoreCase));
                    db.Invitations.AddRange(people.Select(p =>
                    {
                        var invitation = Invitation.Create(session.Id, p.Id, now);
                        if (subGroup is not null) invitation.AssignSubGroup(subGroup);
                        return invitation;
                    }));
                    var handed = await messages.InviteAsync(session, campaign, people, c);
                    audit.RecordAs(command.By, session.CampaignId, AuditAction.InvitationsSent, $"{people.Count} invitation(s) sent ({whom}).", session.Id);
                    return (people.Count, handed);
                }, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two invite calls raced for the same people (PostgreSQL): the next attempt sees the other's invitations.
            }
        }
    }

    /// <summary>Invitations that exist but were never sent and have no invitation message: their messages are planned now.</summary>
    private async Task<int> RepairAsync(Invite command, List<Guid> notSent, CancellationToken ct)
    {
        if (notSent.Count == 0) return 0;
        var repaired = 0;
        foreach (var chunk in notSent.Chunk(Chunk))
        {
            repaired += await unit.RunAsync(async c =>
            {
                var (session, campaign) = (await campaigns.SessionWithCampaignAsync(command.SessionId, c))!.Value;
                var withMessage = await outbox.PeopleWithAsync(session.Id, [MessageKind.Invitation], chunk, c);
                var notSent = await db.Invitations.AsNoTracking()
                    .Where(i => i.SessionId == session.Id && i.Status == RsvpStatus.NotSent && chunk.Contains(i.ParticipantId))
                    .Select(i => i.ParticipantId).ToListAsync(c);
                var lacking = await guests.ManyAsync(notSent.Where(id => !withMessage.Contains(id)).ToList(), c);
                if (lacking.Count == 0) return 0;
                await messages.InviteAsync(session, campaign, lacking, c);
                audit.RecordAs(command.By, session.CampaignId, AuditAction.InvitationsSent, $"{lacking.Count} invitation(s) that had no message planned again.", session.Id);
                return lacking.Count;
            }, ct);
        }
        return repaired;
    }
}

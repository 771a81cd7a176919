using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Api;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Configuration;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

public sealed record SubGroupRequest(string? SubGroup);

public sealed record ResendResult(string ParticipantId, int Planned, string Message);

/// <summary>What an organiser does to one invitation from the dashboard: check in, offer a seat, resend, sub-group; and walk-ins.</summary>
public static partial class InvitationEndpoints
{
    /// <summary>Sequences of invitations sent again by hand start here, apart from the session's own sequence.</summary>
    public const int FirstResendSequence = 1000;

    private static void MapActions(RouteGroupBuilder api)
    {
        api.MapPost("/{participantId:guid}/check-in", CheckIn);
        api.MapPost("/{participantId:guid}/offer", Offer);
        api.MapPost("/{participantId:guid}/resend", Resend);
        api.MapPut("/{participantId:guid}/sub-group", AssignSubGroup);
        api.MapPost("/walk-ins", AddWalkIn);
    }

    /// <summary>The person is here: attended, whatever they had answered (one tap at the door).</summary>
    private static Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> CheckIn(
        Guid id, Guid participantId, CampaignAccess access, AuditLog audit, AppDbContext db, SessionMessages messages, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, participantId, access, db, messages, (session, roster, invitation, by) =>
        {
            var outcome = roster.Record(invitation, RsvpStatus.Attended, AnswerChannel.InPerson, by, clock.GetUtcNow());
            if (outcome.Changed) audit.Record(session.CampaignId, AuditAction.AnswerRecorded, "Checked in (attended).", id, participantId);
            return outcome;
        }, ct);

    /// <summary>A seat for this person on the waiting list (after a capacity increase, or out of turn); they are told.</summary>
    private static Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> Offer(
        Guid id, Guid participantId, CampaignAccess access, AuditLog audit, AppDbContext db, SessionMessages messages, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, participantId, access, db, messages, (session, roster, invitation, by) =>
        {
            var outcome = roster.Offer(invitation, by, clock.GetUtcNow());
            audit.Record(session.CampaignId, AuditAction.AnswerRecorded, "Seat offered from the waiting list.", id, participantId);
            return outcome;
        }, ct);

    /// <summary>The invitation again, on the person's channels (a lost email, a new address): a new message, never a duplicate of one in flight.</summary>
    private static async Task<Results<Accepted<ResendResult>, NotFound, ProblemHttpResult>> Resend(
        Guid id, Guid participantId, CampaignAccess access, AuditLog audit, AppDbContext db, OutboxPlanner planner, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.SessionId == id && i.ParticipantId == participantId, ct);
        var person = await db.Participants.FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (invitation is null || person is null) return TypedResults.NotFound();
        if (session.IsCancelled) return Problems.Conflict("The session is cancelled: there is nothing to send.", "state");
        if (clock.GetUtcNow() >= session.EndsAt) return Problems.Conflict("The session is over: there is no invitation to send again.", "state");
        if (invitation.Status is RsvpStatus.Withdrawn or RsvpStatus.Cancelled or RsvpStatus.Attended or RsvpStatus.NoShow)
            return Problems.Conflict($"The invitation is {RsvpTransitions.Name(invitation.Status)}: it is not sent again.", "status");
        var last = await db.OutboundMessages
            .Where(m => m.SessionId == id && m.ParticipantId == participantId && m.Kind == MessageKind.Invitation && m.Sequence >= FirstResendSequence)
            .MaxAsync(m => (int?)m.Sequence, ct);
        var planned = await planner.PlanAsync(session, [person], MessageKind.Invitation, (last ?? FirstResendSequence - 1) + 1, null, ct);
        if (planned == 0) return Problems.Conflict("No channel can reach this person: add an email address or their Teams account first.", "channel");
        audit.Record(session.CampaignId, AuditAction.InvitationsSent, "Invitation sent again.", id, participantId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/sessions/{id}/messages", new ResendResult(participantId.ToString(), planned, $"{planned} message(s) planned."));
    }

    private static async Task<Results<Ok<InvitationDto>, NotFound, ProblemHttpResult>> AssignSubGroup(
        Guid id, Guid participantId, SubGroupRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        var subGroup = Domain.Common.Text.Clean(request.SubGroup);
        var known = session.SubGroups.FirstOrDefault(g => string.Equals(g, subGroup, StringComparison.OrdinalIgnoreCase));
        if (subGroup is not null && known is null)
            return Problems.Validation("subGroup", session.SubGroups.Count == 0
                ? "This session has no sub-groups: add them to the session first (subGroups)."
                : $"Unknown sub-group '{subGroup}'; use one of: {string.Join(", ", session.SubGroups)}.");
        var person = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (person is null) return TypedResults.NotFound();
        var invitation = await db.RetryOnConflictAsync(async () =>
        {
            var current = await db.Invitations.FirstOrDefaultAsync(i => i.SessionId == id && i.ParticipantId == participantId, ct);
            if (current is null || current.SubGroup == known) return current;
            current.AssignSubGroup(known);
            audit.Record(session.CampaignId, AuditAction.SubGroupAssigned, known is null ? "Sub-group cleared." : $"Sub-group: {known}.", id, participantId);
            await db.SaveChangesAsync(ct);
            return current;
        });
        return invitation is null ? TypedResults.NotFound() : TypedResults.Ok(InvitationDto.From(invitation, person));
    }

    /// <summary>Someone who came without an invitation: added to the guest list and checked in at once.</summary>
    private static async Task<Results<Created<InvitationDetailDto>, NotFound, ProblemHttpResult>> AddWalkIn(
        Guid id, ParticipantRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, IOptions<AppOptions> app, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        if (session.IsCancelled) return Problems.Conflict("The session is cancelled.", "state");
        var details = ParticipantEndpoints.Merge(request, null, app.Value, out var errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var now = clock.GetUtcNow();
        var emailKey = Domain.Common.Text.Key(details!.Email);
        var person = emailKey.Length == 0 ? null
            : (await db.Participants.Where(p => p.CampaignId == session.CampaignId && p.EmailKey == emailKey).ToListAsync(ct))
                .FirstOrDefault(p => p.IsSamePerson(details.Email, details.FullName));
        if (person is not null && await db.Invitations.AnyAsync(i => i.SessionId == id && i.ParticipantId == person.Id, ct))
            return Problems.Conflict($"This person is already invited (participant {person.Id}): check them in instead.", "email");
        if (person is null)
        {
            person = Domain.Participants.Participant.Create(session.CampaignId, details, now);
            db.Participants.Add(person);
            audit.Record(session.CampaignId, AuditAction.ParticipantAdded, "Added to the guest list as a walk-in.", id, person.Id);
        }
        var invitation = Invitation.Create(id, person.Id, now);
        invitation.MoveTo(RsvpStatus.Attended, AnswerChannel.InPerson, access.UserId, now, "walk-in");
        db.Invitations.Add(invitation);
        audit.Record(session.CampaignId, AuditAction.WalkInAdded, "Walk-in checked in.", id, person.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/sessions/{id}/invitations/{person.Id}",
            new InvitationDetailDto(InvitationDto.From(invitation, person), invitation.History.Select(ChangeDto.Of).ToList(), null));
    }
}

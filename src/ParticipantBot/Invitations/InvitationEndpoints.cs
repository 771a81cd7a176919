using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Api;
using ParticipantBot.Audit;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

public static partial class InvitationEndpoints
{
    private static readonly RsvpStatus[] RecordableByOrganiser =
        [RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Declined, RsvpStatus.Attended, RsvpStatus.NoShow];

    /// <summary>Invitations saved and planned together; the dispatcher starts on the first chunk.</summary>
    public const int HandOverChunk = 500;

    public static IServiceCollection AddInvitations(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapInvitationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions/{id:guid}/invitations").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Invitations");
        api.MapGet("", List);
        api.MapPost("", Invite);
        api.MapGet("/{participantId:guid}", Get);
        api.MapPost("/{participantId:guid}/answer", Answer);
        api.MapPost("/{participantId:guid}/withdraw", Withdraw);
        api.MapPost("/{participantId:guid}/substitute", Substitute);
        MapActions(api);
        return api;
    }

    private static async Task<Results<Ok<List<InvitationDto>>, NotFound, ProblemHttpResult>> List(
        Guid id, string? status, CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var errors = new List<ApiError>();
        var wanted = QueryValues.Enum<RsvpStatus>(status, "status", errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var query = from i in db.Invitations.AsNoTracking()
                    join p in db.Participants.AsNoTracking() on i.ParticipantId equals p.Id
                    where i.SessionId == id
                    select new { i, p };
        if (wanted is { } s) query = query.Where(x => x.i.Status == s);
        var rows = await query.ToListAsync(ct);
        var messages = await db.OutboundMessages.AsNoTracking().Where(m => m.SessionId == id)
            .Select(m => new { m.ParticipantId, m.Channel, m.Kind, m.Status, m.Reason, m.SentAt, m.CreatedAt }).ToListAsync(ct);
        var delivery = messages.GroupBy(m => m.ParticipantId).ToDictionary(g => g.Key, g => (IReadOnlyList<DeliveryDto>)g
            // Per channel, the last message that went (or was decided); else the next one planned.
            .GroupBy(m => m.Channel).Select(c => c.Where(m => m.Status != DeliveryStatus.Planned).OrderBy(m => m.CreatedAt).LastOrDefault()
                ?? c.OrderBy(m => m.CreatedAt).First())
            .Select(m => new DeliveryDto(m.Channel, m.Kind, m.Status, m.Reason, m.SentAt)).OrderBy(d => d.Channel).ToList());
        return TypedResults.Ok(rows.OrderBy(r => r.p.NameKey).Select(r => InvitationDto.From(r.i, r.p, delivery.GetValueOrDefault(r.p.Id))).ToList());
    }

    private static async Task<Results<Ok<InvitationDetailDto>, NotFound>> Get(
        Guid id, Guid participantId, CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.SessionId == id && i.ParticipantId == participantId, ct);
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId, ct);
        if (invitation is null || participant is null) return TypedResults.NotFound();
        return TypedResults.Ok(new InvitationDetailDto(InvitationDto.From(invitation, participant), invitation.History.Select(ChangeDto.Of).ToList(), null));
    }

    private static async Task<Results<Accepted<InviteResult>, NotFound, ProblemHttpResult>> Invite(
        Guid id, InviteRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, IInvitationDispatch dispatch, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        if (session.IsCancelled) return Problems.Conflict("The session is cancelled: nobody can be invited to it.", "state");
        var choices = (request.ParticipantIds is { Count: > 0 } ? 1 : 0) + (string.IsNullOrWhiteSpace(request.Group) ? 0 : 1) + (request.All == true ? 1 : 0);
        if (choices != 1)
            return Problems.Validation("participantIds", "Say whom to invite with exactly one of: participantIds (a list), group (a stakeholder group) or all (true).");

        var people = db.Participants.Where(p => p.CampaignId == session.CampaignId);
        if (request.ParticipantIds is { Count: > 0 } ids)
        {
            var wanted = ids.Distinct().ToList();
            var found = await people.Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            var unknown = wanted.Except(found).ToList();
            if (unknown.Count > 0)
                return Problems.Validation(unknown.Select(u => ApiError.ForField("participantIds", $"Participant {u} is not on this campaign's guest list.")));
            people = people.Where(p => wanted.Contains(p.Id));
        }
        else if (!string.IsNullOrWhiteSpace(request.Group))
        {
            var group = request.Group.Trim();
            people = people.Where(p => p.Group == group);
        }

        var participantIds = await people.Select(p => p.Id).ToListAsync(ct);
        var existing = await db.Invitations.Where(i => i.SessionId == id).Select(i => i.ParticipantId).ToListAsync(ct);
        var already = existing.ToHashSet();
        var now = clock.GetUtcNow();
        var created = participantIds.Where(p => !already.Contains(p)).Select(p => Invitation.Create(id, p, now)).ToList();
        if (created.Count > 0)
            audit.Record(session.CampaignId, AuditAction.InvitationsSent,
                $"{created.Count} invitation(s) sent ({(request.ParticipantIds is { Count: > 0 } ? "chosen people" : request.All == true ? "everyone" : "group " + request.Group!.Trim())}).", session.Id);
        // In chunks: each is saved and handed to the channels before the next, so that a large campaign's
        // first messages leave while the rest is still being planned.
        var handed = 0;
        foreach (var chunk in created.Chunk(HandOverChunk))
        {
            db.Invitations.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            // Saved; tracking thousands of them would only slow down the planning that follows.
            db.ChangeTracker.Clear();
            handed += await dispatch.HandOverAsync(session, chunk, ct);
        }
        if (created.Count == 0) await db.SaveChangesAsync(ct);
        var message = handed == created.Count
            ? $"{created.Count} invitation(s) created and handed to the channels."
            : $"{created.Count} invitation(s) created; {created.Count - handed} wait in notSent until a delivery channel takes them.";
        return TypedResults.Accepted($"/api/sessions/{id}/invitations",
            new InviteResult(participantIds.Count, created.Count, participantIds.Count - created.Count, handed, created.Count - handed, message));
    }

    private static async Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> Answer(
        Guid id, Guid participantId, AnswerRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, SessionMessages messages, TimeProvider clock, CancellationToken ct)
    {
        // Access first: someone else's session answers 404 whatever the request says.
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        if (request.Status is not { } status || !RecordableByOrganiser.Contains(status))
            return Problems.Validation("status", $"Give the answer as status: one of {string.Join(", ", RecordableByOrganiser.Select(RsvpTransitions.Name))}.");
        var channel = request.Channel ?? AnswerChannel.Phone;
        return await ChangeAsync(id, participantId, access, db, messages, (session, roster, invitation, by) =>
        {
            var outcome = roster.Record(invitation, status, channel, by, clock.GetUtcNow(), Text.Valid(request.Note, Limits.Note));
            audit.Record(session.CampaignId, AuditAction.AnswerRecorded,
                $"Answer recorded on their behalf: {RsvpTransitions.Name(status)} (by {channel.ToString().ToLowerInvariant()}).", id, participantId);
            return outcome;
        }, ct);
    }

    private static Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> Withdraw(
        Guid id, Guid participantId, CampaignAccess access, AuditLog audit, AppDbContext db, SessionMessages messages, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, participantId, access, db, messages, (session, roster, invitation, by) =>
        {
            var outcome = roster.Record(invitation, RsvpStatus.Withdrawn, AnswerChannel.Organiser, by, clock.GetUtcNow());
            audit.Record(session.CampaignId, AuditAction.InvitationWithdrawn, "Invitation withdrawn.", id, participantId);
            return outcome;
        }, ct);

    private static async Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> Substitute(
        Guid id, Guid participantId, SubstituteRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        if (request.DelegateParticipantId is not { } delegateId)
            return Problems.Validation("delegateParticipantId", "Say who the delegate is: delegateParticipantId.");
        if (!await db.Invitations.AnyAsync(i => i.SessionId == id && i.ParticipantId == participantId, ct)) return TypedResults.NotFound();
        var delegatePerson = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == delegateId && p.CampaignId == session.CampaignId, ct);
        if (delegatePerson is null) return Problems.Validation("delegateParticipantId", "The delegate is not on this campaign's guest list; add them first.");
        if (await db.Invitations.AnyAsync(i => i.SessionId == id && i.ParticipantId == delegateId, ct))
            return Problems.Conflict("The delegate already has an invitation to this session.", "delegateParticipantId");
        var by = access.UserId;
        var invitation = await db.RetryOnConflictAsync(async () =>
        {
            var current = await db.Invitations.SingleAsync(i => i.SessionId == id && i.ParticipantId == participantId, ct);
            current.Substitute(delegateId, by, clock.GetUtcNow());
            audit.Record(session.CampaignId, AuditAction.DelegateSubstituted, $"Invitation of participant {participantId} handed to delegate {delegateId}.", id, delegateId);
            await db.SaveChangesAsync(ct);
            return current;
        });
        return TypedResults.Ok(new InvitationDetailDto(InvitationDto.From(invitation, delegatePerson), invitation.History.Select(ChangeDto.Of).ToList(), null));
    }

    private static async Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> ChangeAsync(
        Guid sessionId, Guid participantId, CampaignAccess access, AppDbContext db,
        SessionMessages messages, Func<Session, Roster, Invitation, string, AnswerOutcome> change, CancellationToken ct)
    {
        if (await access.FindSessionAsync(sessionId, ct) is not { Session: var session }) return TypedResults.NotFound();
        var by = access.UserId;
        var result = await db.RetryOnConflictAsync<(Invitation Invitation, AnswerOutcome Outcome)?>(async () =>
        {
            var invitations = await db.Invitations.Where(i => i.SessionId == sessionId).ToListAsync(ct);
            var target = invitations.FirstOrDefault(i => i.ParticipantId == participantId);
            if (target is null) return null;
            var changed = change(session, new Roster(session, invitations), target, by);
            await db.SaveChangesAsync(ct);
            return (target, changed);
        });
        if (result is not { } done) return TypedResults.NotFound();
        var (invitation, outcome) = done;
        await messages.AfterAnswerAsync(session, participantId, outcome, ct);
        var people = await db.Participants.AsNoTracking()
            .Where(p => p.Id == participantId || (outcome.SeatOfferedTo != null && p.Id == outcome.SeatOfferedTo.ParticipantId))
            .ToDictionaryAsync(p => p.Id, ct);
        var offered = outcome.SeatOfferedTo is { } o ? InvitationDto.From(o, people[o.ParticipantId]) : null;
        return TypedResults.Ok(new InvitationDetailDto(InvitationDto.From(invitation, people[participantId]), invitation.History.Select(ChangeDto.Of).ToList(), offered));
    }
}

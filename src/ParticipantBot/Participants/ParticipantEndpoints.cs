using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Api;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Participants;

public static class ParticipantEndpoints
{
    public static RouteGroupBuilder MapParticipantApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{cid:guid}/participants").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Participants");
        api.MapGet("", List);
        api.MapPost("", Create);
        api.MapGet("/{pid:guid}", Get);
        api.MapPatch("/{pid:guid}", Patch);
        return api;
    }

    private static async Task<Results<Ok<List<ParticipantDto>>, NotFound, ProblemHttpResult>> List(
        Guid cid, string? group, string? search, CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(cid, ct) is null) return TypedResults.NotFound();
        var refused = new[] { Text.Check(group, Limits.Group), Text.Check(search, Limits.FullName, "search") }.OfType<Problem>().ToList();
        if (refused.Count > 0) return Problems.Validation(refused.Select(ApiError.Of));
        var query = db.Participants.AsNoTracking().Where(p => p.CampaignId == cid);
        if (!string.IsNullOrWhiteSpace(group)) query = query.Where(p => p.Group == group);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var key = Text.Key(search);
            query = query.Where(p => p.NameKey.Contains(key) || p.EmailKey.Contains(key));
        }
        var list = await query.OrderBy(p => p.NameKey).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ParticipantDto.From).ToList());
    }

    private static async Task<Results<Created<ParticipantCreated>, NotFound, ProblemHttpResult>> Create(
        Guid cid, ParticipantRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, IOptions<AppOptions> app, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(cid, ct) is null) return TypedResults.NotFound();
        var details = ParticipantRequests.ToDetails(request, null, app.Value, out var errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var emailKey = Text.Key(details!.Email);
        var sameEmail = emailKey.Length == 0 ? [] : await db.Participants.Where(p => p.CampaignId == cid && p.EmailKey == emailKey).ToListAsync(ct);
        if (sameEmail.FirstOrDefault(p => p.IsSamePerson(details.Email, details.FullName)) is { } existing)
            return Problems.Conflict($"This person is already on the guest list (participant {existing.Id}).", "email", "participant.duplicate",
                new Dictionary<string, object?> { ["participantId"] = existing.Id.ToString() });
        var warnings = sameEmail.Count > 0
            ? new List<string> { $"{details.Email} is also the address of {sameEmail.Count} other participant(s); they are kept apart because the names differ." }
            : [];
        var participant = Participant.Create(cid, details, clock.GetUtcNow());
        db.Participants.Add(participant);
        audit.Record(cid, AuditAction.ParticipantAdded, "Added to the guest list.", participantId: participant.Id);
        await db.SaveChangesAsync(ct);
        var detailed = warnings.Select(w => ApiError.ForField("email", w, "participant.sharedEmail",
            new Dictionary<string, object?> { ["email"] = participant.Email, ["count"] = sameEmail.Count })).ToList();
        return TypedResults.Created($"/api/campaigns/{cid}/participants/{participant.Id}", new ParticipantCreated(ParticipantDto.From(participant), warnings, detailed));
    }

    private static async Task<Results<Ok<ParticipantDto>, NotFound>> Get(Guid cid, Guid pid, CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(cid, ct) is null) return TypedResults.NotFound();
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.CampaignId == cid, ct);
        return participant is null ? TypedResults.NotFound() : TypedResults.Ok(ParticipantDto.From(participant));
    }

    private static async Task<Results<Ok<ParticipantDto>, NotFound, ProblemHttpResult>> Patch(
        Guid cid, Guid pid, ParticipantRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, IOptions<AppOptions> app, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(cid, ct) is null) return TypedResults.NotFound();
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.Id == pid && p.CampaignId == cid, ct);
        if (participant is null) return TypedResults.NotFound();
        var details = ParticipantRequests.ToDetails(request, participant, app.Value, out var errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        participant.Update(details!, clock.GetUtcNow());
        audit.Record(cid, AuditAction.ParticipantChanged, "Changed: " + audit.Changed(participant), participantId: pid);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ParticipantDto.From(participant));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, AuditAction Action, Guid? SessionId, Guid? ParticipantId, string Details);

/// <summary>A campaign's audit log, newest first. Read only: there is no route that changes an entry.</summary>
public static class AuditEndpoints
{
    public static RouteHandlerBuilder MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/campaigns/{id:guid}/audit", List).RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Audit");

    private static async Task<Results<Ok<List<AuditEntryDto>>, NotFound>> List(
        Guid id, long? before, int? take, CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(id, ct) is null) return TypedResults.NotFound();
        var query = db.AuditEntries.AsNoTracking().Where(a => a.CampaignId == id);
        if (before is { } b) query = query.Where(a => a.Id < b);
        var entries = await query.OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 200, 1, 1000))
            .Select(a => new AuditEntryDto(a.Id, a.At, a.Actor, a.Action, a.SessionId, a.ParticipantId, a.Details))
            .ToListAsync(ct);
        return TypedResults.Ok(entries);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Audit;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Identity;

namespace ParticipantBot.Campaigns;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, AuditAction Action, Guid? SessionId, Guid? ParticipantId, string Details);

/// <summary>A campaign's audit log (kept by the Audit module), newest first. Read only: there is no route that changes an entry.</summary>
public static class AuditEndpoints
{
    public static RouteHandlerBuilder MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/campaigns/{id:guid}/audit", List).RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Audit");

    private static async Task<Results<Ok<List<AuditEntryDto>>, NotFound>> List(
        Guid id, long? before, int? take, CampaignAccess access, AuditLog audit, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(id, ct) is null) return TypedResults.NotFound();
        var entries = await audit.ReadAsync(id, before, Math.Clamp(take ?? 200, 1, 1000), ct);
        return TypedResults.Ok(entries.Select(a => new AuditEntryDto(a.Id, a.At, a.Actor, a.Action, a.SessionId, a.ParticipantId, a.Details)).ToList());
    }
}

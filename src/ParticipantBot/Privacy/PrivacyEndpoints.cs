using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Identity;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Privacy;

public sealed record DataRequestDto(string Id, string? ParticipantId, DataRequestKind Kind, Domain.Common.AnswerChannel Channel, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt)
{
    public static DataRequestDto Of(DataRequest r) => new(r.Id.ToString(), r.ParticipantId?.ToString(), r.Kind, r.Channel, r.RequestedAt, r.CompletedAt);
}

/// <summary>A person's rights: what is held about them (export), their erasure, and the requests they filed.</summary>
public static class PrivacyEndpoints
{
    public static void MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{cid:guid}").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Data protection");
        api.MapGet("/participants/{pid:guid}/export", Export);
        api.MapDelete("/participants/{pid:guid}", Erase);
        api.MapGet("/data-requests", Requests);
        api.MapPost("/data-requests/{rid:guid}/complete", Complete);
    }

    /// <summary>Erases the person everywhere (a right to erasure): database rows, messages, conversation references, outbox files.</summary>
    private static async Task<Results<NoContent, NotFound>> Erase(Guid cid, Guid pid, CampaignAccess access, PersonalDataEraser eraser, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(cid, ct) is null) return TypedResults.NotFound();
        return await eraser.EraseParticipantAsync(cid, pid, access.UserId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<PersonalDataExportDto>, ContentHttpResult, NotFound>> Export(
        Guid cid, Guid pid, string? format, CampaignAccess access, PersonalDataExport export, ParticipantDirectory guests, AuditLog audit, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(cid, ct) is not { } campaign) return TypedResults.NotFound();
        var person = await guests.FindInCampaignAsync(cid, pid, ct);
        if (person is null) return TypedResults.NotFound();
        var data = await export.ForAsync(campaign, person, ct);
        audit.Record(cid, AuditAction.Exported, "Personal data exported (right of access).", participantId: pid);
        await db.SaveChangesAsync(ct);
        return format?.Trim().ToLowerInvariant() == "html"
            ? TypedResults.Content(PersonalDataExport.Html(data), "text/html; charset=utf-8")
            : TypedResults.Ok(data);
    }

    private static async Task<Results<Ok<List<DataRequestDto>>, NotFound>> Requests(Guid cid, CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(cid, ct) is null) return TypedResults.NotFound();
        var list = await db.DataRequests.AsNoTracking().Where(r => r.CampaignId == cid).ToListAsync(ct);
        return TypedResults.Ok(list.OrderByDescending(r => r.RequestedAt).Select(DataRequestDto.Of).ToList());
    }

    /// <summary>The organisers answered a request (an access request with the export, say).</summary>
    private static async Task<Results<Ok<DataRequestDto>, NotFound>> Complete(Guid cid, Guid rid, CampaignAccess access, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(cid, ct) is null) return TypedResults.NotFound();
        var request = await db.DataRequests.FirstOrDefaultAsync(r => r.Id == rid && r.CampaignId == cid, ct);
        if (request is null) return TypedResults.NotFound();
        request.Complete(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DataRequestDto.Of(request));
    }
}

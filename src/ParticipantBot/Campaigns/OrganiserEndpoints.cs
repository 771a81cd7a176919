using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Api;
using ParticipantBot.Audit;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

public sealed record OrganisersDto(IReadOnlyList<string> Organisers);

public sealed record PutOrganisersRequest(List<string?>? Organisers);

/// <summary>Who organises a campaign: a list of Entra object ids, changed only by its organisers (or an administrator).</summary>
public static class OrganiserEndpoints
{
    private const int MaxOrganisers = 50;
    private const int MaxObjectIdLength = 100;

    public static RouteGroupBuilder MapOrganiserApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{id:guid}/organisers").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Campaigns");
        api.MapGet("", Get);
        api.MapPut("", Put);
        return api;
    }

    private static async Task<Results<Ok<OrganisersDto>, NotFound>> Get(Guid id, CampaignAccess access, CancellationToken ct) =>
        await access.FindCampaignAsync(id, ct) is { } campaign ? TypedResults.Ok(new OrganisersDto(campaign.Organisers)) : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganisersDto>, NotFound, ProblemHttpResult>> Put(
        Guid id, PutOrganisersRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, CancellationToken ct)
    {
        var campaign = await access.FindCampaignAsync(id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var wanted = request.Organisers ?? [];
        var errors = wanted.Select((o, i) => (o, i))
            .Where(x => string.IsNullOrWhiteSpace(x.o) || x.o.Trim().Length > MaxObjectIdLength || x.o.Trim().Any(char.IsWhiteSpace))
            .Select(x => ApiError.ForField($"organisers[{x.i}]", "An organiser is an Entra object id: not empty, no spaces, at most 100 characters.", "organisers.objectId"))
            .ToList();
        if (errors.Count > 0) return Problems.Validation(errors);
        if (wanted.Count == 0) return Problems.Validation("organisers", "A campaign keeps at least one organiser.", "organisers.none");
        if (wanted.Count > MaxOrganisers) return Problems.Validation("organisers", $"A campaign has at most {MaxOrganisers} organisers.", "list.tooLong", new Dictionary<string, object?> { ["max"] = MaxOrganisers });

        var before = campaign.Organisers.ToList();
        campaign.ReplaceOrganisers(wanted!);
        var added = campaign.Organisers.Except(before, StringComparer.OrdinalIgnoreCase).ToList();
        var removed = before.Except(campaign.Organisers, StringComparer.OrdinalIgnoreCase).ToList();
        if (added.Count + removed.Count > 0)
            audit.Record(campaign.Id, AuditAction.OrganisersChanged,
                $"Added: {(added.Count == 0 ? "nobody" : string.Join(", ", added))}; removed: {(removed.Count == 0 ? "nobody" : string.Join(", ", removed))}.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new OrganisersDto(campaign.Organisers));
    }
}

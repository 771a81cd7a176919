using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Api;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Dashboard;

/// <summary>The dashboard's data: counts per campaign, a session's participant table, and its exports.</summary>
public static class DashboardEndpoints
{
    public const int MaxPage = 500;

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Dashboard");
        api.MapGet("/campaigns/{id:guid}/dashboard", Board);
        api.MapGet("/sessions/{id:guid}/roster", Roster);
        api.MapGet("/sessions/{id:guid}/export", Export);
    }

    private static async Task<Results<Ok<DashboardDto>, NotFound>> Board(Guid id, CampaignAccess access, DashboardQueries queries, CancellationToken ct) =>
        await access.FindCampaignAsync(id, ct) is { } campaign ? TypedResults.Ok(await queries.ForCampaignAsync(campaign, ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<RosterPage>, NotFound, ProblemHttpResult>> Roster(
        Guid id, string? status, string? group, string? sex, string? language, string? channel, string? need, string? subGroup, string? search,
        int? offset, int? limit, CampaignAccess access, RosterQuery roster, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var errors = new List<ApiError>();
        var filter = Filter(status, group, sex, language, channel, need, subGroup, search, errors);
        if (offset is < 0) errors.Add(ApiError.ForField("offset", "offset cannot be negative.", "number.outOfRange", new Dictionary<string, object?> { ["min"] = 0 }));
        if (limit is < 1 or > MaxPage) errors.Add(ApiError.ForField("limit", $"limit is between 1 and {MaxPage}.", "number.outOfRange", new Dictionary<string, object?> { ["min"] = 1, ["max"] = MaxPage }));
        if (errors.Count > 0) return Problems.Validation(errors);
        return TypedResults.Ok(await roster.PageAsync(id, filter, offset ?? 0, limit ?? 100, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Export(
        Guid id, string? format, string? status, string? group, string? sex, string? language, string? channel, string? need, string? subGroup, string? search,
        CampaignAccess access, RosterQuery roster, AuditLog audit, AppDbContext db, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { } found) return TypedResults.NotFound();
        var (campaign, session) = found;
        var errors = new List<ApiError>();
        var kind = Downloads.Format(format, errors);
        var filter = Filter(status, group, sex, language, channel, need, subGroup, search, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var export = new SessionExport(campaign, session, await roster.AllAsync(id, filter, ct));
        audit.Record(campaign.Id, AuditAction.Exported, $"Participant list exported ({kind}).", session.Id);
        await db.SaveChangesAsync(ct);
        return Downloads.File(kind!, export.Csv, export.Xlsx, export.FileName);
    }

    private static RosterFilter Filter(string? status, string? group, string? sex, string? language, string? channel, string? need,
        string? subGroup, string? search, List<ApiError> errors)
    {
        if (need is not null && !RosterFilter.Needs.Contains(need.Trim().ToLowerInvariant()))
            errors.Add(ApiError.ForField("need", $"Unknown need '{need}'; use one of: {string.Join(", ", RosterFilter.Needs)}.", "value.unknown",
                new Dictionary<string, object?> { ["value"] = Domain.Common.Text.Printable(need, max: 70), ["allowed"] = RosterFilter.Needs }));
        Language? lang = null;
        if (!string.IsNullOrWhiteSpace(language))
        {
            if (LanguageCodes.TryParse(language, out var l)) lang = l;
            else errors.Add(ApiError.ForField("language", $"Unknown language '{language}'; use fr, ar or en.", "value.unknown",
                new Dictionary<string, object?> { ["value"] = Domain.Common.Text.Printable(language, max: 70), ["allowed"] = LanguageCodes.All }));
        }
        return new RosterFilter(
            QueryValues.Enum<RsvpStatus>(status, "status", errors), group, QueryValues.Enum<Sex>(sex, "sex", errors), lang,
            QueryValues.Enum<PreferredChannel>(channel, "channel", errors), need, subGroup, search);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Api;
using ParticipantBot.Domain.Common;
using ParticipantBot.Identity;

namespace ParticipantBot.Campaigns;

/// <param name="Directory">Whether a directory was asked (Graph configured); without one the object id is taken as given.</param>
public sealed record OrganiserCandidate(string ObjectId, string? DisplayName, string? Mail, string? UserPrincipalName, bool Directory);

/// <summary>
/// GET /api/campaigns/{id}/organisers/lookup?q=: a colleague to add as organiser, found by email or UPN in the tenant's
/// directory when Graph is configured; without it only an object id is accepted, and the answer says why.
/// </summary>
public static class OrganiserLookupEndpoints
{
    public static void MapOrganiserLookup(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/campaigns/{id:guid}/organisers/lookup", Lookup).RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Campaigns");

    private static async Task<Results<Ok<OrganiserCandidate>, NotFound, ProblemHttpResult>> Lookup(
        Guid id, string? q, CampaignAccess access, IServiceProvider services, ILoggerFactory logs, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(id, ct) is null) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(q))
            return Problems.Validation("q", "Give the colleague's email address, UPN or object id.", "value.required");
        if (Text.Check(q, Limits.TeamsUpn, "q") is { } refused) return Problems.Validation([ApiError.Of(refused)]);
        var key = q.Trim();
        var directory = services.GetService<IOrganiserDirectory>();
        if (directory is null)
        {
            if (key.Contains('@') || key.Any(char.IsWhiteSpace) || key.Length > Limits.ObjectId.Max)
                return Problems.Conflict("No directory is configured (Microsoft Graph): give the colleague's Entra object id instead of an address.", "q", "directory.notConfigured");
            return TypedResults.Ok(new OrganiserCandidate(key, null, null, null, Directory: false));
        }
        try
        {
            var user = await directory.FindAsync(key, ct);
            return user is null
                ? TypedResults.Problem(title: $"Nobody in the directory is '{Text.Printable(key, max: 100)}'.", statusCode: StatusCodes.Status422UnprocessableEntity,
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = new[] { ApiError.ForField("q", $"Nobody in the directory is '{Text.Printable(key, max: 100)}'.",
                        "directory.notFound", new Dictionary<string, object?> { ["value"] = Text.Printable(key, max: 100) }) }
                    })
                : TypedResults.Ok(new OrganiserCandidate(user.ObjectId, user.DisplayName, user.Mail, user.UserPrincipalName, Directory: true));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logs.CreateLogger("ParticipantBot.Campaigns.OrganiserLookup").LogWarning(e, "The directory could not be read.");
            return TypedResults.Problem(title: "The directory could not be read; try again, or give the object id.", statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["errors"] = new[] { ApiError.ForField("q", "The directory could not be read; try again, or give the object id.", "directory.unavailable") } });
        }
    }
}

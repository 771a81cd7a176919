using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Api;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Identity;
using ParticipantBot.Invitations;
using ParticipantBot.Outlook;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Workspace;

/// <summary>One person of an invitation about to be sent: the channels that will carry it, or why none can.</summary>
/// <param name="TeamsProblem">Why Teams will not carry it although the person asked for Teams (code teams.notConfigured, teams.noIdentity, teams.notInstalled).</param>
/// <param name="Unreachable">Why no channel can (code reach.none), when none can.</param>
public sealed record ReachRow(string ParticipantId, string Name, string Group, Language Language, bool AlreadyInvited,
    IReadOnlyList<DeliveryChannel> Channels, ApiError? TeamsProblem, ApiError? Unreachable);

/// <summary>
/// What an invite would do, before it is sent: whom it names, who already has the invitation, and for the
/// others how many go by Teams, by email (an Outlook meeting when Graph is configured: <see cref="EmailBy"/>
/// "outlook", else "email") and who cannot be reached, and why. Counted by the planner's own rule.
/// </summary>
public sealed record InvitePreview(int Requested, int AlreadyInvited, int New, int ByTeams, int ByEmail, int ByTeamsAndEmail, int Unreachable,
    string EmailBy, IReadOnlyList<ReachRow> People);

/// <summary>POST /api/sessions/{id}/invitations/preview: the same body as an invite, nothing written.</summary>
public static class InvitePreviewEndpoints
{
    public static void MapInvitePreview(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/sessions/{id:guid}/invitations/preview", Preview)
            .RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Invitations");

    private static async Task<Results<Ok<InvitePreview>, NotFound, ProblemHttpResult>> Preview(
        Guid id, InviteRequest request, CampaignAccess access, InvitationBook book, ParticipantDirectory guests, OutboxPlanner planner, IOptions<GraphOptions> graph, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        // The same choice of whom as the invite itself (InviteHandler): exactly one of the three.
        var choices = (request.ParticipantIds is { Count: > 0 } ? 1 : 0) + (string.IsNullOrWhiteSpace(request.Group) ? 0 : 1) + (request.All == true ? 1 : 0);
        if (choices != 1)
            return Problems.Validation("participantIds", "Say whom to invite with exactly one of: participantIds (a list), group (a stakeholder group) or all (true).", "invite.whom");
        var list = await guests.ChosenAsync(session.CampaignId,
            request.ParticipantIds is { Count: > 0 } || string.IsNullOrWhiteSpace(request.Group) ? null : request.Group.Trim(),
            request.ParticipantIds is { Count: > 0 } ids ? ids.Distinct().ToList() : null, ct);
        var invited = await book.PeopleOfAsync(session.Id, ct);
        var reachable = await planner.ReachableInTeamsAsync(list, ct);
        var rows = list.OrderBy(p => p.NameKey, StringComparer.Ordinal).Select(p =>
        {
            var inTeams = p.TeamsObjectId is not null && reachable.Contains(p.TeamsObjectId);
            var channels = planner.ChannelsFor(p, inTeams);
            var teams = planner.TeamsProblem(p, inTeams) is { } problem ? ApiError.ForField("channel", problem.Message, problem.Code) : null;
            var none = channels.Count > 0 ? null
                : ApiError.ForField("channel", p.Email is null
                        ? "No channel can reach this person: there is no email address and Teams is not available for them."
                        : "No channel can reach this person.", "reach.none",
                    new Dictionary<string, object?> { ["email"] = p.Email is not null });
            return new ReachRow(p.Id.ToString(), p.FullName, p.Group, p.Language, invited.Contains(p.Id), channels, teams, none);
        }).ToList();
        var fresh = rows.Where(r => !r.AlreadyInvited).ToList();
        return TypedResults.Ok(new InvitePreview(rows.Count, rows.Count - fresh.Count, fresh.Count,
            fresh.Count(r => r.Channels.SequenceEqual([DeliveryChannel.Teams])),
            fresh.Count(r => r.Channels.SequenceEqual([DeliveryChannel.Email])),
            fresh.Count(r => r.Channels.Count == 2),
            fresh.Count(r => r.Channels.Count == 0),
            graph.Value.IsConfigured ? "outlook" : "email", rows));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Api;
using ParticipantBot.Application;
using ParticipantBot.Campaigns;
using ParticipantBot.Identity;

namespace ParticipantBot.Invitations;

/// <summary>An organiser's "remind the non-responders now".</summary>
public static class ReminderEndpoints
{
    public static RouteHandlerBuilder MapRemindNowApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/sessions/{id:guid}/reminders/send", SendNow).RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Reminders");

    /// <summary>Reminds, now, everyone invited to the session who has not answered yet.</summary>
    private static async Task<Results<Accepted<RemindNowResult>, NotFound, ProblemHttpResult>> SendNow(
        Guid id, CampaignAccess access, SendRemindersHandler remind, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var outcome = await remind.HandleAsync(new SendReminders(id, access.UserId), ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        return TypedResults.Accepted($"/api/sessions/{id}/messages", outcome.Value);
    }
}

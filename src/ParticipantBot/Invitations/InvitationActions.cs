using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ParticipantBot.Api;
using ParticipantBot.Application;
using ParticipantBot.Campaigns;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Common;
using ParticipantBot.Participants;

namespace ParticipantBot.Invitations;

public sealed record SubGroupRequest(string? SubGroup);

public sealed record ResendResult(string ParticipantId, int Planned, string Message);

/// <summary>What an organiser does to one invitation from the dashboard: check in, offer a seat, resend, sub-group; and walk-ins.</summary>
public static partial class InvitationEndpoints
{
    private static void MapActions(RouteGroupBuilder api)
    {
        api.MapPost("/{participantId:guid}/check-in", CheckIn);
        api.MapPost("/{participantId:guid}/offer", Offer);
        api.MapPost("/{participantId:guid}/resend", Resend);
        api.MapPut("/{participantId:guid}/sub-group", AssignSubGroup);
        api.MapPost("/walk-ins", AddWalkIn);
    }

    /// <summary>The person is here: attended, whatever they had answered (one tap at the door).</summary>
    private static async Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> CheckIn(
        Guid id, Guid participantId, CampaignAccess access, RecordAnswerHandler answers, ParticipantDirectory guests, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        return await RecordAsync(answers, guests, new RecordAnswer(id, participantId, new Answer.CheckIn(), AnswerChannel.InPerson, access.UserId,
            AuditAs: (AuditAction.AnswerRecorded, "Checked in (attended).")), ct);
    }

    /// <summary>A seat for this person on the waiting list (after a capacity increase, or out of turn); they are told.</summary>
    private static async Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> Offer(
        Guid id, Guid participantId, CampaignAccess access, RecordAnswerHandler answers, ParticipantDirectory guests, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        return await RecordAsync(answers, guests, new RecordAnswer(id, participantId, new Answer.OfferSeat(), AnswerChannel.Organiser, access.UserId,
            AuditAs: (AuditAction.AnswerRecorded, "Seat offered from the waiting list.")), ct);
    }

    /// <summary>The invitation again, on the person's channels (a lost email, a new address): a new message, never a duplicate of one in flight.</summary>
    private static async Task<Results<Accepted<ResendResult>, NotFound, ProblemHttpResult>> Resend(
        Guid id, Guid participantId, CampaignAccess access, ResendHandler resend, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var outcome = await resend.HandleAsync(new Resend(id, participantId, access.UserId), ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        return TypedResults.Accepted($"/api/sessions/{id}/messages", new ResendResult(participantId.ToString(), outcome.Value, $"{outcome.Value} message(s) planned."));
    }

    private static async Task<Results<Ok<InvitationDto>, NotFound, ProblemHttpResult>> AssignSubGroup(
        Guid id, Guid participantId, SubGroupRequest request, CampaignAccess access, AssignSubGroupHandler assign, ParticipantDirectory guests, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var outcome = await assign.HandleAsync(new AssignSubGroup(id, participantId, request.SubGroup, access.UserId), ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        var person = await guests.FindAsync(participantId, ct);
        return person is null ? TypedResults.NotFound() : TypedResults.Ok(InvitationDto.From(outcome.Value!, person));
    }

    /// <summary>Someone who came without an invitation: added to the guest list and checked in at once.</summary>
    private static async Task<Results<Created<InvitationDetailDto>, NotFound, ProblemHttpResult>> AddWalkIn(
        Guid id, ParticipantRequest request, CampaignAccess access, AddWalkInHandler walkIns, IOptions<AppOptions> app, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var details = ParticipantRequests.ToDetails(request, null, app.Value, out var errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var outcome = await walkIns.HandleAsync(new AddWalkIn(id, details!, access.UserId), ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        var (answer, person) = outcome.Value;
        return TypedResults.Created($"/api/sessions/{id}/invitations/{person.Id}",
            new InvitationDetailDto(InvitationDto.From(answer.Invitation, person), answer.Invitation.History.Select(ChangeDto.Of).ToList(), null));
    }
}

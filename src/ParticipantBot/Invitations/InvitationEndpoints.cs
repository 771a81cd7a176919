using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Api;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Identity;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

public static partial class InvitationEndpoints
{
    private static readonly RsvpStatus[] RecordableByOrganiser =
        [RsvpStatus.Accepted, RsvpStatus.Tentative, RsvpStatus.Declined, RsvpStatus.Attended, RsvpStatus.NoShow];

    public static IServiceCollection AddInvitations(this IServiceCollection services) => services
        .AddScoped<InviteHandler>().AddScoped<RecordAnswerHandler>().AddScoped<SubstituteHandler>().AddScoped<ResendHandler>()
        .AddScoped<AssignSubGroupHandler>().AddScoped<AddWalkInHandler>().AddScoped<SelfCheckIn>()
        .AddScoped<SessionMessages>().AddScoped<NonResponderReminders>().AddScoped<SendRemindersHandler>().AddScoped<InvitationRepair>()
        .AddScoped<InvitationBook>()
        // What the other modules ask of the invitations, through their own ports.
        .AddScoped<ISessionListener, SessionChanges>().AddScoped<ISessionFigures, InvitationFigures>().AddScoped<IInvitationStates, InvitationStates>()
        .AddScoped<Privacy.IPersonalDataHolder, InvitationPersonalData>();

    public static RouteGroupBuilder MapInvitationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions/{id:guid}/invitations").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Invitations");
        api.MapGet("", List);
        api.MapPost("", Invite);
        api.MapGet("/{participantId:guid}", Get);
        api.MapPost("/{participantId:guid}/answer", Answer);
        api.MapPost("/{participantId:guid}/withdraw", Withdraw);
        api.MapPost("/{participantId:guid}/substitute", Substitute);
        MapActions(api);
        return api;
    }

    private static async Task<Results<Ok<List<InvitationDto>>, NotFound, ProblemHttpResult>> List(
        Guid id, string? status, CampaignAccess access, AppDbContext db, ParticipantDirectory guests, OutboxLedger outbox, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var errors = new List<ApiError>();
        var wanted = QueryValues.Enum<RsvpStatus>(status, "status", errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var query = db.Invitations.AsNoTracking().Where(i => i.SessionId == id);
        if (wanted is { } s) query = query.Where(i => i.Status == s);
        var invitations = await query.ToListAsync(ct);
        var people = await guests.ByIdAsync(invitations.Select(i => i.ParticipantId).ToList(), ct);
        var delivery = await outbox.LastPerChannelAsync(id, ct);
        return TypedResults.Ok(invitations.Where(i => people.ContainsKey(i.ParticipantId)).OrderBy(i => people[i.ParticipantId].NameKey)
            .Select(i => InvitationDto.From(i, people[i.ParticipantId], delivery.GetValueOrDefault(i.ParticipantId)?.Select(DeliveryDto.Of).ToList())).ToList());
    }

    private static async Task<Results<Ok<InvitationDetailDto>, NotFound>> Get(
        Guid id, Guid participantId, CampaignAccess access, AppDbContext db, ParticipantDirectory guests, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.SessionId == id && i.ParticipantId == participantId, ct);
        var participant = await guests.FindAsync(participantId, ct);
        if (invitation is null || participant is null) return TypedResults.NotFound();
        return TypedResults.Ok(new InvitationDetailDto(InvitationDto.From(invitation, participant), invitation.History.Select(ChangeDto.Of).ToList(), null));
    }

    private static async Task<Results<Accepted<InviteResult>, NotFound, ProblemHttpResult>> Invite(
        Guid id, InviteRequest request, CampaignAccess access, InviteHandler invite, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var outcome = await invite.HandleAsync(new Invite(id, request.ParticipantIds, request.Group, request.All == true, access.UserId, request.SubGroup), ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        return TypedResults.Accepted($"/api/sessions/{id}/invitations", outcome.Value);
    }

    private static async Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> Answer(
        Guid id, Guid participantId, AnswerRequest request, CampaignAccess access, RecordAnswerHandler answers, ParticipantDirectory guests, CancellationToken ct)
    {
        // Access first: someone else's session answers 404 whatever the request says.
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        if (request.Status is not { } status || !RecordableByOrganiser.Contains(status))
            return Problems.Validation("status", $"Give the answer as status: one of {string.Join(", ", RecordableByOrganiser.Select(RsvpTransitions.Name))}.",
                "value.unknown", new Dictionary<string, object?> { ["allowed"] = RecordableByOrganiser.Select(RsvpTransitions.Name).ToList() });
        var channel = request.Channel ?? AnswerChannel.Phone;
        return await RecordAsync(answers, guests, new RecordAnswer(id, participantId, new Answer.Record(status), channel, access.UserId, Text.Valid(request.Note, Limits.Note),
            AuditAs: (AuditAction.AnswerRecorded, $"Answer recorded on their behalf: {RsvpTransitions.Name(status)} (by {channel.ToString().ToLowerInvariant()}).")), ct);
    }

    private static async Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> Withdraw(
        Guid id, Guid participantId, CampaignAccess access, RecordAnswerHandler answers, ParticipantDirectory guests, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        return await RecordAsync(answers, guests, new RecordAnswer(id, participantId, new Answer.Record(RsvpStatus.Withdrawn), AnswerChannel.Organiser, access.UserId,
            AuditAs: (AuditAction.InvitationWithdrawn, "Invitation withdrawn.")), ct);
    }

    private static async Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> Substitute(
        Guid id, Guid participantId, SubstituteRequest request, CampaignAccess access, SubstituteHandler substitute, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        if (request.DelegateParticipantId is not { } delegateId)
            return Problems.Validation("delegateParticipantId", "Say who the delegate is: delegateParticipantId.", "value.required");
        var outcome = await substitute.HandleAsync(new Substitute(id, participantId, delegateId, access.UserId), ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        var (invitation, delegatePerson) = outcome.Value;
        return TypedResults.Ok(new InvitationDetailDto(InvitationDto.From(invitation, delegatePerson), invitation.History.Select(ChangeDto.Of).ToList(), null));
    }

    /// <summary>Records through the one answer path, and answers with the invitation and the seat it freed.</summary>
    private static async Task<Results<Ok<InvitationDetailDto>, NotFound, ProblemHttpResult>> RecordAsync(
        RecordAnswerHandler answers, ParticipantDirectory guests, RecordAnswer command, CancellationToken ct)
    {
        var outcome = await answers.HandleAsync(command, ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        var (invitation, answer, _) = outcome.Value!;
        var offeredTo = answer.SeatOfferedTo;
        var people = await guests.ByIdAsync(offeredTo is null ? [invitation.ParticipantId] : [invitation.ParticipantId, offeredTo.ParticipantId], ct);
        var offered = offeredTo is not null ? InvitationDto.From(offeredTo, people[offeredTo.ParticipantId]) : null;
        return TypedResults.Ok(new InvitationDetailDto(InvitationDto.From(invitation, people[invitation.ParticipantId]), invitation.History.Select(ChangeDto.Of).ToList(), offered));
    }
}

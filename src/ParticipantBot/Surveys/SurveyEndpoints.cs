using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Api;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Surveys;

public static class SurveyEndpoints
{
    public static void MapSurveyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions/{id:guid}/survey").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Surveys");
        api.MapGet("", Get);
        api.MapPut("", Put);
        api.MapPost("/open", Open);
        api.MapGet("/results", Results);
        api.MapGet("/results/export", Export);
    }

    private static async Task<Results<Ok<SurveyDto>, NotFound>> Get(Guid id, CampaignAccess access, SurveyService surveys, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        return TypedResults.Ok(SurveyDto.Of(await surveys.EnsureAsync(session, ct), session, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<SurveyDto>, NotFound, ProblemHttpResult>> Put(
        Guid id, SurveyRequest request, CampaignAccess access, SurveyService surveys, AuditLog audit, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var session }) return TypedResults.NotFound();
        var survey = await surveys.EnsureAsync(session, ct);
        var questions = request.Questions is null ? survey.Questions : request.Questions.Select(q => q.ToQuestion()).ToList();
        var delay = request.OpenDelayMinutes ?? survey.OpenDelayMinutes;
        var days = request.OpenDays ?? survey.OpenDays;
        var errors = Survey.Problems(questions, delay, days).Select(ApiError.Of).ToList();
        if (request.Questions?.Select((q, i) => (q, i)).Where(x => x.q.Kind is null) is { } untyped)
            errors.AddRange(untyped.Select(x => ApiError.ForField($"questions[{x.i}].kind", "Say the question's kind: rating, singleChoice, multipleChoice, freeText or priorities.", "value.required")));
        if (errors.Count > 0) return Problems.Validation(errors);
        survey.Edit(questions, request.Anonymous ?? survey.Anonymous, request.Enabled ?? survey.Enabled, delay, days, clock.GetUtcNow());
        audit.Record(session.CampaignId, AuditAction.SurveyChanged, "Survey changed: " + audit.Changed(survey), session.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SurveyDto.Of(survey, session, clock.GetUtcNow()));
    }

    /// <summary>Opens the survey now instead of at the session's end plus the delay.</summary>
    private static async Task<Results<Accepted<SurveyOpened>, NotFound, ProblemHttpResult>> Open(
        Guid id, CampaignAccess access, SurveyService surveys, AuditLog audit, AppDbContext db, UnitOfWork unit, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Session: var found }) return TypedResults.NotFound();
        await surveys.EnsureAsync(found, ct);
        var by = access.UserId;
        // The opening, its messages and its audit entry: one transaction.
        var outcome = await unit.RunAsync<SurveyOpened>(async c =>
        {
            var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == id, c);
            if (session.IsCancelled) return Refusal.Conflict("The session is cancelled: there is nobody to ask.", "state", "session.cancelled");
            var survey = await db.Surveys.FirstAsync(s => s.SessionId == id, c);
            if (!survey.Enabled) return Refusal.Conflict("The survey is switched off for this session: enable it first.", "enabled", "survey.disabled");
            if (survey.IsOpened) return Refusal.Conflict("The survey is already open (or closed).", "status", "survey.opened");
            var sentTo = await surveys.OpenAsync(survey, session, c);
            audit.RecordAs(by, session.CampaignId, AuditAction.SurveyChanged, $"Survey opened for {sentTo} participant(s).", session.Id);
            return new SurveyOpened(SurveyState.Open, sentTo, survey.ClosesAt);
        }, ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        return TypedResults.Accepted($"/api/sessions/{id}/survey/results", outcome.Value);
    }

    private static async Task<Results<Ok<SurveyResultsDto>, NotFound>> Results(
        Guid id, CampaignAccess access, SurveyService surveys, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Campaign: var campaign, Session: var session }) return TypedResults.NotFound();
        return TypedResults.Ok(await ComputeAsync(campaign.DefaultLanguage, session, surveys, db, clock, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Export(
        Guid id, string? format, CampaignAccess access, SurveyService surveys, AuditLog audit, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is not { Campaign: var campaign, Session: var session }) return TypedResults.NotFound();
        var errors = new List<ApiError>();
        if (Downloads.Format(format, errors) is not { } kind) return Problems.Validation(errors, errors[0].Message);
        var results = await ComputeAsync(campaign.DefaultLanguage, session, surveys, db, clock, ct);
        var export = new SurveyExport(campaign.DefaultLanguage, session, results);
        audit.Record(campaign.Id, AuditAction.Exported, $"Survey results exported ({kind}).", session.Id);
        await db.SaveChangesAsync(ct);
        return Downloads.File(kind, export.Csv, export.Xlsx, export.FileName);
    }

    private static async Task<SurveyResultsDto> ComputeAsync(Language lang, Domain.Campaigns.Session session, SurveyService surveys, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var survey = await surveys.EnsureAsync(session, ct);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).ToListAsync(ct);
        return SurveyResults.Compute(survey, responses, await surveys.SentToAsync(session.Id, ct), lang, clock.GetUtcNow());
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Api;
using ParticipantBot.Application;
using ParticipantBot.Audit;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

public static class CampaignEndpoints
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddScoped<CampaignAccess>().AddScoped<AuditLog>()
            .AddScoped<CampaignDirectory>().AddScoped<ChangeSessionHandler>().AddScoped<CancelSessionHandler>().AddScoped<ChangeReminderPolicyHandler>();

    public static RouteGroupBuilder MapCampaignApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Campaigns");
        api.MapGet("/campaigns", ListCampaigns);
        api.MapPost("/campaigns", CreateCampaign);
        api.MapGet("/campaigns/{id:guid}", GetCampaign);
        api.MapPatch("/campaigns/{id:guid}", PatchCampaign);
        api.MapPost("/campaigns/{id:guid}/sessions", CreateSession);
        api.MapGet("/sessions/{id:guid}", GetSession);
        api.MapPatch("/sessions/{id:guid}", PatchSession);
        api.MapPost("/sessions/{id:guid}/cancel", CancelSession);
        return api;
    }

    private static async Task<Ok<List<CampaignSummaryDto>>> ListCampaigns(CampaignAccess access, AppDbContext db, CancellationToken ct)
    {
        var campaigns = await access.VisibleCampaigns().AsNoTracking().Select(c => new { c.Id, c.Name, c.DefaultLanguage, c.CreatedAt }).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        var sessions = await db.Sessions.Where(s => ids.Contains(s.CampaignId)).GroupBy(s => s.CampaignId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return TypedResults.Ok(campaigns.OrderBy(c => c.CreatedAt)
            .Select(c => new CampaignSummaryDto(c.Id.ToString(), c.Name, c.DefaultLanguage, sessions.GetValueOrDefault(c.Id), c.CreatedAt)).ToList());
    }

    private static async Task<Results<Created<CampaignDto>, ProblemHttpResult>> CreateCampaign(
        CreateCampaignRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, ISessionFigures figures, IOptions<AppOptions> app, TimeProvider clock, CancellationToken ct)
    {
        var campaign = Campaign.Create(request.Name ?? "", access.UserId, clock.GetUtcNow(),
            request.DefaultLanguage ?? Domain.Common.Language.Fr, request.TimeZone ?? app.Value.DefaultTimeZone,
            request.RetentionMonths, request.Description);
        campaign.SetContact(request.ContactEmail);
        db.Campaigns.Add(campaign);
        audit.Record(campaign.Id, AuditAction.CampaignCreated, "Campaign created; its creator is its organiser.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/campaigns/{campaign.Id}", await ToDtoAsync(campaign, db, figures, ct));
    }

    private static async Task<Results<Ok<CampaignDto>, NotFound>> GetCampaign(Guid id, CampaignAccess access, AppDbContext db, ISessionFigures figures, CancellationToken ct)
    {
        var campaign = await access.FindCampaignAsync(id, ct);
        return campaign is null ? TypedResults.NotFound() : TypedResults.Ok(await ToDtoAsync(campaign, db, figures, ct));
    }

    private static async Task<Results<Ok<CampaignDto>, NotFound>> PatchCampaign(
        Guid id, PatchCampaignRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, ISessionFigures figures, CancellationToken ct)
    {
        var campaign = await access.FindCampaignAsync(id, ct);
        if (campaign is null) return TypedResults.NotFound();
        if (request.Name is not null) campaign.Rename(request.Name);
        if (request.Description is not null) campaign.Describe(request.Description);
        if (request.DefaultLanguage is { } language) campaign.SetDefaultLanguage(language);
        if (request.TimeZone is not null) campaign.SetTimeZone(request.TimeZone);
        if (request.RetentionMonths is { } months) campaign.SetRetention(months);
        if (request.AgeBands is { } bands) campaign.SetAgeBands(bands);
        if (request.ContactEmail is not null) campaign.SetContact(request.ContactEmail);
        audit.Record(campaign.Id, AuditAction.CampaignChanged, "Changed: " + audit.Changed(campaign));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ToDtoAsync(campaign, db, figures, ct));
    }

    private static async Task<Results<Created<SessionDto>, NotFound>> CreateSession(
        Guid id, SessionRequest request, CampaignAccess access, AuditLog audit, AppDbContext db, CancellationToken ct)
    {
        var campaign = await access.FindCampaignAsync(id, ct);
        if (campaign is null) return TypedResults.NotFound();
        var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? campaign.TimeZoneId : request.TimeZone.Trim();
        Domain.Common.TimeZones.Find(zone);
        var session = Session.Create(campaign.Id, request.Title ?? "",
            LocalTime.Parse(request.Start, zone, "start"), LocalTime.Parse(request.End, zone, "end"), zone,
            request.Venue, request.UnlimitedCapacity == true ? null : request.Capacity,
            request.Languages is { Count: > 0 } languages ? languages : [campaign.DefaultLanguage], request.Agenda,
            request.AnswerDeadline is null ? null : LocalTime.Parse(request.AnswerDeadline, zone, "answerDeadline"),
            request.SubGroups);
        session.AllowSelfCheckIn(request.SelfCheckIn == true);
        if (request.TitlesByLanguage() is { } titles) session.TranslateTitle(titles);
        db.Sessions.Add(session);
        audit.Record(campaign.Id, AuditAction.SessionCreated, "Session created.", session.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/sessions/{session.Id}", SessionDto.From(session));
    }

    private static async Task<Results<Ok<SessionDto>, NotFound>> GetSession(Guid id, CampaignAccess access, ISessionFigures figures, CancellationToken ct)
    {
        var found = await access.FindSessionAsync(id, ct);
        if (found is not { Session: var session }) return TypedResults.NotFound();
        var counts = await figures.CountsAsync([session.Id], ct);
        return TypedResults.Ok(SessionDto.From(session, counts.GetValueOrDefault(session.Id)));
    }

    private static async Task<Results<Ok<SessionDto>, NotFound, ProblemHttpResult>> PatchSession(
        Guid id, SessionRequest request, CampaignAccess access, ChangeSessionHandler change, ISessionFigures figures, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var outcome = await change.HandleAsync(new ChangeSession(id, request, access.UserId), ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        var counts = await figures.CountsAsync([id], ct);
        return TypedResults.Ok(SessionDto.From(outcome.Value!, counts.GetValueOrDefault(id)));
    }

    private static async Task<Results<Ok<SessionDto>, NotFound, ProblemHttpResult>> CancelSession(
        Guid id, CampaignAccess access, CancelSessionHandler cancel, ISessionFigures figures, CancellationToken ct)
    {
        if (await access.FindSessionAsync(id, ct) is null) return TypedResults.NotFound();
        var outcome = await cancel.HandleAsync(new CancelSession(id, access.UserId), ct);
        if (outcome.Refusal is { } refusal) return refusal.Kind == RefusalKind.NotFound ? TypedResults.NotFound() : Refusals.Problem(refusal);
        var counts = await figures.CountsAsync([id], ct);
        return TypedResults.Ok(SessionDto.From(outcome.Value!, counts.GetValueOrDefault(id)));
    }

    private static async Task<CampaignDto> ToDtoAsync(Campaign c, AppDbContext db, ISessionFigures figures, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CampaignId == c.Id).ToListAsync(ct);
        var counts = await figures.CountsAsync(sessions.Select(s => s.Id).ToList(), ct);
        return new CampaignDto(c.Id.ToString(), c.Name, c.Description, c.DefaultLanguage, c.TimeZoneId, c.RetentionMonths,
            c.Organisers, c.CreatedAt,
            sessions.OrderBy(s => s.StartsAt).Select(s => SessionDto.From(s, counts.GetValueOrDefault(s.Id))).ToList(), c.ContactEmail)
        { AgeBands = c.AgeBandBounds };
    }
}

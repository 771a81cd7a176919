using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Api;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Reporting;

/// <summary>
/// The consultation report: <c>GET /api/campaigns/{id}/report</c> and <c>GET /api/sessions/{id}/report</c>, with
/// <c>?format=docx</c> (the default: the Word document), <c>html</c> (the printable page) or <c>json</c> (the same
/// content as data: every table with each cell's text and state). Each download is written to the audit log.
/// </summary>
public static class ReportEndpoints
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapReportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Reports");
        api.MapGet("/campaigns/{id:guid}/report", async (Guid id, string? format, CampaignAccess access, ReportBuilder builder, AuditLog audit, AppDbContext db, CancellationToken ct) =>
            await access.FindCampaignAsync(id, ct) is { } campaign
                ? await Serve(campaign, null, format, builder, audit, db, ct)
                : TypedResults.NotFound());
        api.MapGet("/sessions/{id:guid}/report", async (Guid id, string? format, CampaignAccess access, ReportBuilder builder, AuditLog audit, AppDbContext db, CancellationToken ct) =>
            await access.FindSessionAsync(id, ct) is { } found
                ? await Serve(found.Campaign, found.Session, format, builder, audit, db, ct)
                : TypedResults.NotFound());
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult, Ok<ConsultationReport>, NotFound, ProblemHttpResult>> Serve(
        Campaign campaign, Session? session, string? format, ReportBuilder builder, AuditLog audit, AppDbContext db, CancellationToken ct)
    {
        var kind = (format ?? "docx").Trim().ToLowerInvariant();
        if (kind is not ("docx" or "html" or "json"))
            return Problems.Validation([ApiError.ForField("format", $"Unknown format '{Domain.Common.Text.Printable(format, max: 20)}': use docx, html or json.")]);
        var report = await builder.BuildAsync(campaign, session, ct);
        if (kind != "json")
        {
            audit.Record(campaign.Id, AuditAction.Exported, $"Report exported ({kind}).", session?.Id);
            await db.SaveChangesAsync(ct);
        }
        return kind switch
        {
            "docx" => TypedResults.File(ReportDocx.Write(report), DocxType, report.FileName("docx")),
            "html" => TypedResults.Content(ReportHtml.Write(report), "text/html; charset=utf-8"),
            _ => TypedResults.Ok(report),
        };
    }
}

/// <summary>The consultation report (issue 22): figures, suppression, the .docx, the printable page and its route.</summary>
public static class ReportingModule
{
    public static IServiceCollection AddReporting(this IServiceCollection services) =>
        services.AddScoped<ParticipationFiguresQuery>().AddScoped<ReportBuilder>().AddSingleton<ReportCharts>()
            .AddScoped<Privacy.IRetentionCounts, ReportRetentionCounts>();

    public static WebApplication MapReporting(this WebApplication app)
    {
        app.MapReportApi();
        return app;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Api;
using ParticipantBot.Campaigns;
using ParticipantBot.Identity;

namespace ParticipantBot.Participants.Import;

public static class ImportEndpoints
{
    public static IServiceCollection AddGuestListImport(this IServiceCollection services) =>
        services.AddScoped<GuestListImporter>();

    public static RouteHandlerBuilder MapGuestListImport(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/campaigns/{cid:guid}/participants/import", Import)
            .RequireAuthorization(IdentityModule.OrganiserPolicy)
            // Organiser calls carry a bearer token, not a cookie: there is no cross-site form to forge.
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithTags("Participants");

    private static async Task<Results<Ok<ImportReport>, NotFound, ProblemHttpResult>> Import(
        Guid cid, HttpRequest request, CampaignAccess access, GuestListImporter importer, CancellationToken ct,
        bool dryRun = false, bool skipInvalid = false)
    {
        var campaign = await access.FindCampaignAsync(cid, ct);
        if (campaign is null) return TypedResults.NotFound();
        if (!request.HasFormContentType)
            return Problems.Validation("file", "Send the guest list as multipart/form-data with a field named 'file'.");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null) return Problems.Validation("file", "No file was sent: add the guest list in a form field named 'file'.");
        if (file.Length > GuestListReader.MaxBytes) return Problems.Validation("file", "The file is larger than 20 MB.");

        GuestListTable table;
        try
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            table = GuestListReader.Read(buffer.ToArray(), file.FileName);
        }
        catch (GuestListFileException e)
        {
            return Problems.Validation("file", e.Message);
        }

        var report = await importer.ImportAsync(campaign, table, dryRun, skipInvalid, ct);
        if (!dryRun && !report.Written)
            return TypedResults.Problem(
                title: $"The guest list has {report.Errors.Count} problem(s); nothing was imported. Fix them, or import with skipInvalid=true to leave those rows out.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = report.Errors, ["warnings"] = report.Warnings, ["report"] = report });
        return TypedResults.Ok(report);
    }
}

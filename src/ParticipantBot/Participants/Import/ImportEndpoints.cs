using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipantBot.Api;
using ParticipantBot.Campaigns;
using ParticipantBot.Identity;

namespace ParticipantBot.Participants.Import;

public static class ImportEndpoints
{
    /// <summary>The whole multipart body: the file and what the form wraps it in.</summary>
    public const long MaxRequestBytes = GuestListLimits.MaxFileBytes + 64 * 1024;

    /// <summary>How long the body may take to arrive: a boundary that never comes ends here, not in a request that hangs.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddGuestListImport(this IServiceCollection services) =>
        services.AddScoped<GuestListImporter>();

    public static RouteHandlerBuilder MapGuestListImport(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/campaigns/{cid:guid}/participants/import", Import)
            .RequireAuthorization(IdentityModule.OrganiserPolicy)
            // Organiser calls carry a bearer token, not a cookie: there is no cross-site form to forge.
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes, valueCountLimit: 16, keyLengthLimit: 256, valueLengthLimit: 4096,
                multipartHeadersCountLimit: 16, multipartHeadersLengthLimit: 8192, bufferBodyLengthLimit: MaxRequestBytes)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes))
            .WithTags("Participants");

    private static async Task<Results<Ok<ImportReport>, NotFound, ProblemHttpResult>> Import(
        Guid cid, HttpRequest request, CampaignAccess access, GuestListImporter importer, CancellationToken ct,
        bool dryRun = false, bool skipInvalid = false, bool cells = false)
    {
        var campaign = await access.FindCampaignAsync(cid, ct);
        if (campaign is null) return TypedResults.NotFound();
        if (!request.HasFormContentType)
            return Problems.Validation([ApiError.ForField("file", "Send the guest list as multipart/form-data with a field named 'file'.", "import.multipart")]);
        if (request.ContentLength > MaxRequestBytes) return TooLarge();

        byte[] content;
        string fileName;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReadTimeout);
        try
        {
            var form = await request.ReadFormAsync(timeout.Token);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null)
                return Problems.Validation([ApiError.ForField("file", "No file was sent: add the guest list in a form field named 'file'.", "import.noFile")]);
            if (file.Length > GuestListLimits.MaxFileBytes) return TooLarge();
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, timeout.Token);
            content = buffer.ToArray();
            fileName = file.FileName;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is InvalidDataException or IOException or OperationCanceledException or BadHttpRequestException)
        {
            // No boundary, a boundary that never comes, a part without headers, a body cut short or too slow: the caller's body, not our failure.
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) && e is InvalidDataException)
                return TooLarge();
            return e is OperationCanceledException
                ? TypedResults.Problem(title: $"The file did not arrive within {ReadTimeout.TotalSeconds:0} seconds.", statusCode: StatusCodes.Status408RequestTimeout,
                    extensions: new Dictionary<string, object?> { ["errors"] = new[] { ApiError.ForField("file", "The upload was too slow.", "import.timeout") } })
                : Problems.Validation([ApiError.ForField("file", "The multipart body is malformed: " + e.Message.Split('\n')[0].Trim(), "import.multipart")]);
        }

        GuestListTable table;
        try
        {
            table = GuestListReader.Read(content, fileName);
        }
        catch (GuestListFileException e)
        {
            return Problems.Validation([e.ToError()], e.Message);
        }

        var report = await importer.ImportAsync(campaign, table, dryRun, skipInvalid, ct);
        if (cells) report = report with { Table = new GuestListCells(table.Headers, table.Rows.Take(GuestListImporter.PreviewLimit).ToList(), table.Rows.Count > GuestListImporter.PreviewLimit) };
        if (!dryRun && !report.Written)
            return TypedResults.Problem(
                title: $"The guest list has {report.Errors.Count} problem(s); nothing was imported. Fix them, or import with skipInvalid=true to leave those rows out.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = report.Errors, ["warnings"] = report.Warnings, ["report"] = report });
        return TypedResults.Ok(report);
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(title: $"The file is larger than {GuestListLimits.MaxFileBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new[] { ApiError.ForField("file", $"The file is larger than {GuestListLimits.MaxFileBytes / 1024 / 1024} MB.", "import.fileTooLarge",
                    new Dictionary<string, object?> { ["max"] = GuestListLimits.MaxFileBytes }) },
            });
}

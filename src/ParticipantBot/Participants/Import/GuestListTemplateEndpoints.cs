using System.Globalization;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ParticipantBot.Api;
using ParticipantBot.Campaigns;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Common;
using ParticipantBot.Identity;
using ParticipantBot.Resources;

namespace ParticipantBot.Participants.Import;

/// <summary>
/// The guest list template: a header row in French, Arabic or English (each header one the import reads,
/// Resources Import.Column.*), and in the .xlsx a second sheet saying what each column takes.
/// </summary>
public static class GuestListTemplate
{
    /// <summary>The columns of the template, in order; a field without a header text in the resources is left out.</summary>
    public static IEnumerable<(GuestListField Field, string Header)> Columns(Language language) =>
        Enum.GetValues<GuestListField>()
            .Select(f => (Field: f, Header: Texts.Resources.GetString("Import.Column." + f, Texts.Culture(language))))
            .Where(c => !string.IsNullOrWhiteSpace(c.Header))
            .Select(c => (c.Field, c.Header!));

    /// <summary>Every header text of every language, for the import to recognise them.</summary>
    public static IEnumerable<(string Header, GuestListField Field)> AllHeaders() =>
        Enum.GetValues<Language>().SelectMany(l => Columns(l).Select(c => (c.Header, c.Field)));

    public static byte[] Xlsx(Language language, IReadOnlyList<string> groups)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(Texts.Get("Import.Template.Sheet", language));
        var columns = Columns(language).ToList();
        for (var c = 0; c < columns.Count; c++) sheet.Cell(1, c + 1).SetValue(columns[c].Header);
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Columns(1, columns.Count).Width = 22;
        var help = book.Worksheets.Add(Texts.Get("Import.Template.HelpSheet", language));
        for (var r = 0; r < columns.Count; r++)
        {
            help.Cell(r + 1, 1).SetValue(columns[r].Header);
            help.Cell(r + 1, 2).SetValue(Help(columns[r].Field, language, groups));
        }
        help.Column(1).Width = 26;
        help.Column(2).Width = 90;
        help.Column(1).Style.Font.Bold = true;
        if (Texts.IsRightToLeft(language)) { sheet.RightToLeft = true; help.RightToLeft = true; }
        using var buffer = new MemoryStream();
        book.SaveAs(buffer);
        return buffer.ToArray();
    }

    public static byte[] Csv(Language language) => Downloads.Csv([Columns(language).Select(c => c.Header)]);

    private static string Help(GuestListField field, Language language, IReadOnlyList<string> groups)
    {
        var culture = Texts.Culture(language);
        var text = Texts.Resources.GetString("Import.Help." + field, culture) ?? "";
        return field == GuestListField.Group
            ? string.Format(culture, text, string.Join(" · ", groups.Select(g => Texts.Resources.GetString("Group." + g, culture) ?? g)))
            : text;
    }

    public static void MapGuestListTemplate(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/campaigns/{cid:guid}/participants/import/template", Download)
            .RequireAuthorization(IdentityModule.OrganiserPolicy).WithTags("Participants");

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Download(
        Guid cid, string? language, string? format, CampaignAccess access, IOptions<AppOptions> app, CancellationToken ct)
    {
        if (await access.FindCampaignAsync(cid, ct) is not { } campaign) return TypedResults.NotFound();
        var errors = new List<ApiError>();
        var kind = Downloads.Format(format, errors);
        var lang = campaign.DefaultLanguage;
        if (!string.IsNullOrWhiteSpace(language) && !LanguageCodes.TryParse(language, out lang))
            errors.Add(ApiError.ForField("language", $"Unknown language '{Text.Printable(language, max: 20)}'; use fr, ar or en.", "value.unknown",
                new Dictionary<string, object?> { ["value"] = Text.Printable(language, max: 20), ["allowed"] = LanguageCodes.All }));
        if (errors.Count > 0) return Problems.Validation(errors);
        var name = Texts.Get("Import.Template.FileName", lang);
        return Downloads.File(kind!, () => Csv(lang), () => Xlsx(lang, app.Value.StakeholderGroups),
            extension => $"{name}-{lang.Code()}.{extension}".ToString(CultureInfo.InvariantCulture));
    }
}

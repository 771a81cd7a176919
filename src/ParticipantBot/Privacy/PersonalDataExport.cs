using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Privacy;

/// <summary>Everything the service holds about one person in one campaign (answering a right of access).</summary>
public sealed record PersonalDataExportDto(
    DateTimeOffset ExportedAt, string CampaignId, string Campaign, Participants.ParticipantDto Person,
    IReadOnlyList<ExportedInvitation> Invitations, IReadOnlyList<ExportedMessage> Messages,
    IReadOnlyList<ExportedSurveyAnswer> NamedSurveyAnswers, int AnonymousSurveysAnswered,
    IReadOnlyList<ExportedConversation> TeamsConversations, IReadOnlyList<DataRequest> Requests, string Note,
    ExportedSelfDescription? AboutThemselves = null);

/// <summary>A person's export: the guest list's record, what every module holds about them, and their requests.</summary>
public sealed class PersonalDataExport(AppDbContext db, IEnumerable<IPersonalDataHolder> holders, TimeProvider clock)
{
    public const string AnonymousNote =
        "Answers to anonymous surveys are kept without any link to the person: they cannot be found, exported or erased one by one. " +
        "Audit entries name people by their participant id only.";

    public async Task<PersonalDataExportDto> ForAsync(Domain.Campaigns.Campaign campaign, Participant person, CancellationToken ct)
    {
        var data = new PersonalData();
        foreach (var holder in holders) await holder.ExportAsync(person, data, ct);
        var requests = await db.DataRequests.AsNoTracking().Where(r => r.ParticipantId == person.Id).ToListAsync(ct);
        return new PersonalDataExportDto(
            clock.GetUtcNow(), campaign.Id.ToString(), campaign.Name, Participants.ParticipantDto.From(person),
            data.Invitations.OrderBy(i => i.Start).ToList(), data.Messages.OrderBy(m => m.DueAt).ToList(),
            data.NamedSurveyAnswers, data.AnonymousSurveysAnswered, data.TeamsConversations, requests, AnonymousNote,
            ExportedSelfDescription.Of(person));
    }

    private static readonly JsonSerializerOptions Readable = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The same export as a page a person can read or print: each section with its data.</summary>
    public static string Html(PersonalDataExportDto export)
    {
        var encoder = HtmlEncoder.Create(UnicodeRanges.All);
        var dir = export.Person.Language == Domain.Common.Language.Ar ? "rtl" : "ltr";
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{Domain.Common.LanguageCodes.Code(export.Person.Language)}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{encoder.Encode(export.Person.FullName)} – {encoder.Encode(export.Campaign)}</title>")
            .Append("<style>body{font-family:'Segoe UI',Tahoma,Arial,sans-serif;max-width:48rem;margin:1.5rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f5f5f5;padding:.75rem;border-radius:6px}</style></head><body>")
            .Append(CultureInfo.InvariantCulture, $"<h1>{encoder.Encode(export.Person.FullName)}</h1><p>{encoder.Encode(export.Campaign)} · {export.ExportedAt:u}</p>");
        void Section(string title, object value) =>
            html.Append(CultureInfo.InvariantCulture, $"<h2>{encoder.Encode(title)}</h2><pre>{encoder.Encode(JsonSerializer.Serialize(value, Readable))}</pre>");
        var lang = export.Person.Language;
        string T(string key) => Resources.Texts.Get(key, lang);
        Section(T("Privacy.Export.Person"), export.Person);
        Section(T("Privacy.Export.Invitations"), export.Invitations);
        Section(T("Privacy.Export.Messages"), export.Messages);
        Section(T("Privacy.Export.Surveys"), export.NamedSurveyAnswers);
        Section(T("Privacy.Export.Teams"), export.TeamsConversations);
        Section(T("Privacy.Export.Requests"), export.Requests);
        if (export.AboutThemselves is not null) Section(T("About.Title"), export.AboutThemselves);
        html.Append(CultureInfo.InvariantCulture, $"<p>{encoder.Encode(T("Privacy.Export.Note"))}</p></body></html>");
        return html.ToString();
    }
}

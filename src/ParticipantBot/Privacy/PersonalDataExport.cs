using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Privacy;

public sealed record ExportedInvitation(string SessionId, string Session, DateTimeOffset Start, string Status, string? SubGroup, string? AnsweredBy,
    IReadOnlyList<Invitations.ChangeDto> History);

public sealed record ExportedMessage(string SessionId, string Kind, string Channel, string Status, DateTimeOffset DueAt, DateTimeOffset? SentAt, string? Reason);

public sealed record ExportedSurveyAnswer(string SessionId, DateOnly SubmittedOn, string Channel, IReadOnlyList<Domain.Surveys.SurveyAnswer> Answers);

public sealed record ExportedConversation(string TenantId, string ConversationId, DateTimeOffset InstalledAt, bool Active);

/// <summary>Everything the service holds about one person in one campaign (answering a right of access).</summary>
public sealed record PersonalDataExportDto(
    DateTimeOffset ExportedAt, string CampaignId, string Campaign, Participants.ParticipantDto Person,
    IReadOnlyList<ExportedInvitation> Invitations, IReadOnlyList<ExportedMessage> Messages,
    IReadOnlyList<ExportedSurveyAnswer> NamedSurveyAnswers, int AnonymousSurveysAnswered,
    IReadOnlyList<ExportedConversation> TeamsConversations, IReadOnlyList<DataRequest> Requests, string Note,
    Reporting.ExportedSelfDescription? AboutThemselves = null);

public sealed class PersonalDataExport(AppDbContext db, TimeProvider clock)
{
    public const string AnonymousNote =
        "Answers to anonymous surveys are kept without any link to the person: they cannot be found, exported or erased one by one. " +
        "Audit entries name people by their participant id only.";

    public async Task<PersonalDataExportDto> ForAsync(Domain.Campaigns.Campaign campaign, Participant person, CancellationToken ct)
    {
        var invitations = await (from i in db.Invitations.AsNoTracking()
                                 join s in db.Sessions.AsNoTracking() on i.SessionId equals s.Id
                                 where i.ParticipantId == person.Id
                                 select new { i, s }).ToListAsync(ct);
        var messages = await db.OutboundMessages.AsNoTracking().Where(m => m.ParticipantId == person.Id).ToListAsync(ct);
        var named = await (from r in db.SurveyResponses.AsNoTracking()
                           join v in db.Surveys.AsNoTracking() on r.SurveyId equals v.Id
                           where r.ParticipantId == person.Id
                           select new { r, v.SessionId }).ToListAsync(ct);
        var markers = await db.SurveySubmissions.AsNoTracking().CountAsync(x => x.ParticipantId == person.Id, ct);
        var conversations = person.TeamsObjectId is null ? [] : await db.TeamsInstallations.AsNoTracking()
            .Where(t => t.UserObjectId == person.TeamsObjectId).ToListAsync(ct);
        var requests = await db.DataRequests.AsNoTracking().Where(r => r.ParticipantId == person.Id).ToListAsync(ct);
        return new PersonalDataExportDto(
            clock.GetUtcNow(), campaign.Id.ToString(), campaign.Name, Participants.ParticipantDto.From(person),
            invitations.OrderBy(x => x.s.StartsAt).Select(x => new ExportedInvitation(x.s.Id.ToString(), x.s.Title, x.s.LocalStart, EnumNames.Of(x.i.Status), x.i.SubGroup,
                x.i.LastChannel is { } c ? EnumNames.Of(c) : null, x.i.History.Select(Invitations.ChangeDto.Of).ToList())).ToList(),
            messages.OrderBy(m => m.DueAt).Select(m => new ExportedMessage(m.SessionId.ToString(), EnumNames.Of(m.Kind), EnumNames.Of(m.Channel), EnumNames.Of(m.Status), m.DueAt, m.SentAt, m.Reason)).ToList(),
            named.Select(x => new ExportedSurveyAnswer(x.SessionId.ToString(), x.r.SubmittedOn, EnumNames.Of(x.r.Channel), x.r.Answers)).ToList(),
            markers - named.Count,
            conversations.Select(t => new ExportedConversation(t.TenantId, t.ConversationId, t.InstalledAt, t.Active)).ToList(),
            requests, AnonymousNote, Reporting.ExportedSelfDescription.Of(person));
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
            .Append($"<!DOCTYPE html><html lang=\"{Domain.Common.LanguageCodes.Code(export.Person.Language)}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">")
            .Append($"<title>{encoder.Encode(export.Person.FullName)} – {encoder.Encode(export.Campaign)}</title>")
            .Append("<style>body{font-family:'Segoe UI',Tahoma,Arial,sans-serif;max-width:48rem;margin:1.5rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f5f5f5;padding:.75rem;border-radius:6px}</style></head><body>")
            .Append($"<h1>{encoder.Encode(export.Person.FullName)}</h1><p>{encoder.Encode(export.Campaign)} · {export.ExportedAt:u}</p>");
        void Section(string title, object value) =>
            html.Append($"<h2>{encoder.Encode(title)}</h2><pre>{encoder.Encode(JsonSerializer.Serialize(value, Readable))}</pre>");
        var lang = export.Person.Language;
        string T(string key) => Resources.Texts.Get(key, lang);
        Section(T("Privacy.Export.Person"), export.Person);
        Section(T("Privacy.Export.Invitations"), export.Invitations);
        Section(T("Privacy.Export.Messages"), export.Messages);
        Section(T("Privacy.Export.Surveys"), export.NamedSurveyAnswers);
        Section(T("Privacy.Export.Teams"), export.TeamsConversations);
        Section(T("Privacy.Export.Requests"), export.Requests);
        if (export.AboutThemselves is not null) Section(T("About.Title"), export.AboutThemselves);
        html.Append($"<p>{encoder.Encode(T("Privacy.Export.Note"))}</p></body></html>");
        return html.ToString();
    }
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Privacy;

namespace ParticipantBot.Surveys;

/// <summary>
/// Survey answers: named ones in the person's export (anonymous ones only counted: nothing links them to anyone); named
/// answers and the submission markers go with a person by cascade; at the end of retention, answers lose their link and
/// their free text, and the markers go.
/// </summary>
public sealed class SurveyPersonalData(AppDbContext db) : IPersonalDataHolder
{
    public async Task ExportAsync(Participant person, PersonalData into, CancellationToken ct)
    {
        var named = await (from r in db.SurveyResponses.AsNoTracking()
                           join v in db.Surveys.AsNoTracking() on r.SurveyId equals v.Id
                           where r.ParticipantId == person.Id
                           select new { r, v.SessionId }).ToListAsync(ct);
        var markers = await db.SurveySubmissions.AsNoTracking().CountAsync(x => x.ParticipantId == person.Id, ct);
        into.NamedSurveyAnswers.AddRange(named.Select(x => new ExportedSurveyAnswer(x.SessionId.ToString(), x.r.SubmittedOn, EnumNames.Of(x.r.Channel), x.r.Answers)));
        into.AnonymousSurveysAnswered = markers - named.Count;
    }

    public Task ForgetPeopleAsync(IReadOnlyCollection<ErasedPerson> people, CancellationToken ct) => Task.CompletedTask;

    public async Task ForgetCampaignAsync(Guid campaignId, IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<ErasedPerson> people, CancellationToken ct)
    {
        var surveyIds = await db.Surveys.Where(s => s.CampaignId == campaignId).Select(s => s.Id).ToListAsync(ct);
        foreach (var response in await db.SurveyResponses.Where(r => surveyIds.Contains(r.SurveyId)).ToListAsync(ct)) response.Anonymise();
        db.SurveySubmissions.RemoveRange(await db.SurveySubmissions.Where(x => surveyIds.Contains(x.SurveyId)).ToListAsync(ct));
    }
}

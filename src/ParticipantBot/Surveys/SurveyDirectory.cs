using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Surveys;

/// <summary>What a survey link or card is about: the person it was made for, the session and campaign, the survey, and whether they answered.</summary>
public sealed record SurveyContext(Participant Person, Session Session, Campaign Campaign, Survey? Survey, bool Answered);

/// <summary>What other modules may read of the surveys (the Surveys module owns their tables). Untracked.</summary>
public sealed class SurveyDirectory(AppDbContext db, SurveyLinks links, CampaignDirectory campaigns, ParticipantDirectory guests)
{
    /// <summary>The context of a signed survey token; null when it is altered, unknown, or its person or session is gone.</summary>
    public async Task<SurveyContext?> ForTokenAsync(string? token, CancellationToken ct)
    {
        if (links.Read(token) is not { } read) return null;
        var person = await guests.FindAsync(read.ParticipantId, ct);
        if (person is null || await campaigns.SessionWithCampaignAsync(read.SessionId, ct) is not var (session, campaign)) return null;
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == session.Id, ct);
        var answered = survey is not null && await db.SurveySubmissions.AnyAsync(s => s.SurveyId == survey.Id && s.ParticipantId == person.Id, ct);
        return new SurveyContext(person, session, campaign, survey, answered);
    }

    public Task<Dictionary<Guid, Survey>> OfSessionsAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Where(x => sessionIds.Contains(x.SessionId)).ToDictionaryAsync(x => x.SessionId, ct);

    /// <summary>Who answered these surveys (survey, person).</summary>
    public async Task<HashSet<(Guid SurveyId, Guid ParticipantId)>> AnsweredAsync(IReadOnlyCollection<Guid> surveyIds, CancellationToken ct) =>
        (await db.SurveySubmissions.AsNoTracking().Where(x => surveyIds.Contains(x.SurveyId)).Select(x => new { x.SurveyId, x.ParticipantId }).ToListAsync(ct))
            .Select(a => (a.SurveyId, a.ParticipantId)).ToHashSet();
}

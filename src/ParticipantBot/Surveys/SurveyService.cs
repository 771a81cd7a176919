using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Surveys;

/// <summary>What became of a submission.</summary>
public abstract record SubmitOutcome
{
    public sealed record Saved : SubmitOutcome;
    public sealed record AlreadyAnswered : SubmitOutcome;
    public sealed record Closed : SubmitOutcome;
    public sealed record NotOpen : SubmitOutcome;
    /// <summary>The person was not sent this survey (did not attend, or was not accepted).</summary>
    public sealed record NotRecipient : SubmitOutcome;
    public sealed record Invalid(IReadOnlyList<AnswerProblem> Problems) : SubmitOutcome;
}

/// <summary>
/// Sessions' surveys: the default one made when first needed, opened at the session's end plus the
/// delay (or at once), sent through the outbox to those who attended (or, when attendance was not
/// taken, who accepted) with one reminder before it closes, and answers kept once per person.
/// </summary>
public sealed class SurveyService(AppDbContext db, UnitOfWork unit, OutboxPlanner planner, OutboxLedger outbox, CampaignDirectory campaigns,
    ParticipantDirectory guests, InvitationBook invitations, TimeProvider clock, ILogger<SurveyService> logger)
{
    /// <summary>The reminder goes when this share of the open period has passed (day 4 of 7 by default).</summary>
    private const double ReminderAt = 0.6;

    public async Task<Survey> EnsureAsync(Session session, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.SessionId == session.Id, ct);
        if (survey is not null) return survey;
        survey = Survey.Create(session.CampaignId, session.Id, DefaultSurvey.Questions(), clock.GetUtcNow());
        db.Surveys.Add(survey);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Made at the same moment by another request: use that one.
            db.Entry(survey).State = EntityState.Detached;
            survey = await db.Surveys.FirstAsync(s => s.SessionId == session.Id, ct);
        }
        return survey;
    }

    /// <summary>
    /// Opens the survey now and plans it, and its reminder, for the people it is for: inside the caller's unit of
    /// work, so that the opening and its messages are saved together.
    /// </summary>
    public async Task<int> OpenAsync(Survey survey, Session session, CancellationToken ct)
    {
        if (survey.IsOpened) return 0;
        var now = clock.GetUtcNow();
        survey.Open(now);
        var people = await RecipientsAsync(session.Id, ct);
        if (people.Count == 0) return 0;
        await planner.PlanAsync(session, people, MessageKind.Survey, 0, now, ct);
        var remindAt = survey.OpenedAt!.Value + (survey.ClosesAt!.Value - survey.OpenedAt.Value) * ReminderAt;
        await planner.PlanAsync(session, people, MessageKind.SurveyReminder, 0, remindAt, ct);
        logger.LogInformation("Survey of session {SessionId} opened for {Count} participant(s), until {ClosesAt:u}.", session.Id, people.Count, survey.ClosesAt);
        return people.Count;
    }

    /// <summary>Opens every survey whose time has come (sessions that ended within the last week; the job runs this), each in its own transaction.</summary>
    public async Task<int> OpenDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-Survey.DefaultOpenDays);
        var opened = 0;
        foreach (var session in await campaigns.EndedAsync(since, now, ct))
        {
            var sessionId = session.Id;
            await EnsureAsync(session, ct);
            opened += await unit.RunAsync(async c =>
            {
                var survey = await db.Surveys.FirstAsync(s => s.SessionId == sessionId, c);
                if (!survey.Enabled || survey.IsOpened || now < survey.OpensAt(session.EndsAt)) return 0;
                await OpenAsync(survey, session, c);
                return 1;
            }, ct);
        }
        return opened;
    }

    /// <summary>Those who attended; when attendance was not taken, those who accepted.</summary>
    public async Task<List<Participant>> RecipientsAsync(Guid sessionId, CancellationToken ct)
    {
        var attended = await IdsAsync(sessionId, RsvpStatus.Attended, ct);
        var ids = attended.Count > 0 ? attended : await IdsAsync(sessionId, RsvpStatus.Accepted, ct);
        return await guests.ManyAsync(ids, ct);
    }

    /// <summary>How many were sent the survey: the base of the response rate.</summary>
    public Task<int> SentToAsync(Guid sessionId, CancellationToken ct) =>
        outbox.RecipientsAsync(sessionId, MessageKind.Survey, 0, ct);

    /// <summary>One person's answers: the marker that refuses a second submission, the answers, and their survey reminder dropped, in one transaction.</summary>
    public async Task<SubmitOutcome> SubmitAsync(Session session, Guid participantId, IReadOnlyList<SurveyAnswer> answers, AnswerChannel channel, CancellationToken ct)
    {
        try
        {
            return await unit.RunAsync(async c =>
            {
                var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == session.Id, c);
                var now = clock.GetUtcNow();
                if (survey is null || !survey.IsOpened) return new SubmitOutcome.NotOpen();
                if (survey.IsClosed(now)) return new SubmitOutcome.Closed();
                if (!await outbox.AnyAsync(session.Id, participantId, MessageKind.Survey, ct: c))
                    return new SubmitOutcome.NotRecipient();
                if (await db.SurveySubmissions.AnyAsync(s => s.SurveyId == survey.Id && s.ParticipantId == participantId, c))
                    return new SubmitOutcome.AlreadyAnswered();
                if (survey.Check(answers) is { Count: > 0 } problems) return (SubmitOutcome)new SubmitOutcome.Invalid(problems);

                var person = (await guests.FindAsync(participantId, c))!;
                // The marker's key refuses a second submission, even a simultaneous one.
                db.SurveySubmissions.Add(SurveySubmission.Of(survey.Id, participantId));
                db.SurveyResponses.Add(SurveyResponse.Create(survey, participantId, person.Group, person.Sex, channel, answers, now));
                var reminders = await outbox.PlannedAsync(session.Id, [MessageKind.SurveyReminder], participantId, c);
                foreach (var reminder in reminders) reminder.Skip("The person answered the survey.");
                return new SubmitOutcome.Saved();
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Submitted at the same moment through another channel: that one was kept.
            return new SubmitOutcome.AlreadyAnswered();
        }
    }

    private Task<List<Guid>> IdsAsync(Guid sessionId, RsvpStatus status, CancellationToken ct) =>
        invitations.ParticipantIdsAsync(sessionId, [status], ct);
}

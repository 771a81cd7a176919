using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Surveys;

/// <summary>
/// One person's answers. In an anonymous survey it has no link to the person: only their
/// stakeholder group and sex (for results by group, shown only from 5 answers) and the day.
/// </summary>
public sealed class SurveyResponse
{
    private SurveyResponse() { Group = string.Empty; Answers = []; }

    public Guid Id { get; private set; }
    public Guid SurveyId { get; private set; }
    /// <summary>Null in an anonymous survey.</summary>
    public Guid? ParticipantId { get; private set; }
    public string Group { get; private set; }
    public Sex Sex { get; private set; }
    public AnswerChannel Channel { get; private set; }
    /// <summary>The day only: a time to the second could be matched with the submission marker's order.</summary>
    public DateOnly SubmittedOn { get; private set; }
    public IReadOnlyList<SurveyAnswer> Answers { get; private set; }

    public static SurveyResponse Create(Survey survey, Guid participantId, string group, Sex sex, AnswerChannel channel,
        IReadOnlyList<SurveyAnswer> answers, DateTimeOffset now) => new()
        {
            Id = Guid.NewGuid(),
            SurveyId = survey.Id,
            ParticipantId = survey.Anonymous ? null : participantId,
            Group = group,
            Sex = sex,
            Channel = channel,
            SubmittedOn = DateOnly.FromDateTime(now.UtcDateTime),
            Answers = survey.Clean(answers),
        };

    /// <summary>At the end of retention: no link to the person and no free text; ratings and choices stay for the distributions.</summary>
    public void Anonymise()
    {
        ParticipantId = null;
        Answers = Answers.Where(a => a.Text is null).ToList();
    }
}

/// <summary>That a person has answered a survey: stops a second submission, and says nothing of what they answered.</summary>
public sealed class SurveySubmission
{
    private SurveySubmission() { }

    public Guid SurveyId { get; private set; }
    public Guid ParticipantId { get; private set; }

    public static SurveySubmission Of(Guid surveyId, Guid participantId) => new() { SurveyId = surveyId, ParticipantId = participantId };
}

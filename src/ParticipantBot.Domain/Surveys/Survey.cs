using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Surveys;

public enum SurveyState { Scheduled, Open, Closed, Disabled }

/// <summary>
/// A session's short post-session survey: at most 8 questions, anonymous or named, opened at the
/// session's end plus a delay (or at once by the organiser) and closed after some days.
/// </summary>
public sealed class Survey
{
    public const int MaxQuestions = 8;
    public const int DefaultOpenDelayMinutes = 60;
    public const int DefaultOpenDays = 7;

    private Survey() { Questions = []; }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid SessionId { get; private set; }
    public bool Anonymous { get; private set; }
    /// <summary>False when the organisers do not want a survey for this session.</summary>
    public bool Enabled { get; private set; }
    public IReadOnlyList<SurveyQuestion> Questions { get; private set; }
    public int OpenDelayMinutes { get; private set; }
    public int OpenDays { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosesAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A session's survey, enabled, from a template (the default one comes from the resource files).</summary>
    public static Survey Create(Guid campaignId, Guid sessionId, IReadOnlyList<SurveyQuestion> questions, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CampaignId = campaignId,
        SessionId = sessionId,
        Enabled = true,
        Questions = questions,
        OpenDelayMinutes = DefaultOpenDelayMinutes,
        OpenDays = DefaultOpenDays,
        UpdatedAt = now.ToUniversalTime(),
    };

    public bool IsOpened => OpenedAt is not null;

    public bool IsOpen(DateTimeOffset now) => OpenedAt is not null && now < ClosesAt;

    public bool IsClosed(DateTimeOffset now) => ClosesAt is { } closes && now >= closes;

    public SurveyState StateAt(DateTimeOffset now) =>
        !Enabled ? SurveyState.Disabled : !IsOpened ? SurveyState.Scheduled : IsClosed(now) ? SurveyState.Closed : SurveyState.Open;

    /// <summary>When it opens by itself: the session's end plus the delay.</summary>
    public DateTimeOffset OpensAt(DateTimeOffset sessionEndsAt) => OpenedAt ?? sessionEndsAt.AddMinutes(OpenDelayMinutes);

    /// <summary>Changes the survey; its questions are fixed once it has opened, so that answers keep their meaning.</summary>
    public void Edit(IReadOnlyList<SurveyQuestion> questions, bool anonymous, bool enabled, int openDelayMinutes, int openDays, DateTimeOffset now)
    {
        if (Problems(questions, openDelayMinutes, openDays) is { Count: > 0 } problems)
            throw new DomainException(problems[0]);
        var changesContent = anonymous != Anonymous || !SameQuestions(questions);
        if (IsOpened && changesContent)
            throw new DomainException("The survey is open: its questions and anonymity no longer change (answers would lose their meaning).", "status", "survey.frozen");
        Questions = questions;
        Anonymous = anonymous;
        Enabled = enabled;
        OpenDelayMinutes = openDelayMinutes;
        OpenDays = openDays;
        UpdatedAt = now.ToUniversalTime();
    }

    public void Open(DateTimeOffset now)
    {
        if (IsOpened) return;
        OpenedAt = now.ToUniversalTime();
        ClosesAt = OpenedAt.Value.AddDays(OpenDays);
        UpdatedAt = OpenedAt.Value;
    }

    /// <summary>Every problem with a survey's definition, each naming its field (questions[i]...).</summary>
    public static IReadOnlyList<Problem> Problems(IReadOnlyList<SurveyQuestion> questions, int openDelayMinutes, int openDays)
    {
        var problems = new List<Problem>();
        void Text(string? value, TextRule rule, string field) { if (Common.Text.Check(value, rule, field) is { } p) problems.Add(p); }
        if (questions.Count == 0) problems.Add(new Problem("questions", "A survey needs at least one question.", "survey.noQuestion"));
        if (questions.Count > MaxQuestions) problems.Add(new Problem("questions", $"A survey has at most {MaxQuestions} questions (it has {questions.Count}): keep it short.", "list.tooLong", new Dictionary<string, object?> { ["max"] = MaxQuestions }));
        if (openDelayMinutes is < 0 or > 7 * 24 * 60) problems.Add(new Problem("openDelayMinutes", "The delay after the session is between 0 and 10080 minutes (a week).", "number.outOfRange", new Dictionary<string, object?> { ["min"] = 0, ["max"] = 10080 }));
        if (openDays is < 1 or > 60) problems.Add(new Problem("openDays", "A survey stays open between 1 and 60 days.", "number.outOfRange", new Dictionary<string, object?> { ["min"] = 1, ["max"] = 60 }));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var at = $"questions[{i}]";
            if (string.IsNullOrWhiteSpace(q.Id)) problems.Add(new Problem($"{at}.id", "The question has no id.", "text.required"));
            else if (!ids.Add(q.Id)) problems.Add(new Problem($"{at}.id", $"Two questions have the id '{q.Id}'.", "survey.duplicateId", new Dictionary<string, object?> { ["value"] = q.Id }));
            else Text(q.Id, Limits.QuestionId, $"{at}.id");
            foreach (var (lang, text) in q.Text.All())
                if (string.IsNullOrWhiteSpace(text)) problems.Add(new Problem($"{at}.text.{lang}", $"The question's text in {lang} is missing: every question is asked in fr, ar and en.", "text.required"));
                else Text(text, Limits.QuestionText, $"{at}.text.{lang}");
            var min = q.Kind switch { QuestionKind.Priorities => SurveyQuestion.PriorityCount + 1, QuestionKind.SingleChoice or QuestionKind.MultipleChoice => 2, _ => 0 };
            if (q.HasOptions && q.Options.Count < min) problems.Add(new Problem($"{at}.options", $"A {EnumNames.Of(q.Kind)} question needs at least {min} options.", "survey.tooFewOptions", new Dictionary<string, object?> { ["min"] = min }));
            if (q.HasOptions && q.Options.Count > 12) problems.Add(new Problem($"{at}.options", "A question has at most 12 options.", "list.tooLong", new Dictionary<string, object?> { ["max"] = 12 }));
            if (!q.HasOptions && q.Options.Count > 0) problems.Add(new Problem($"{at}.options", $"A {EnumNames.Of(q.Kind)} question has no options.", "survey.noOptions"));
            var optionIds = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < q.Options.Count; j++)
            {
                var o = q.Options[j];
                if (string.IsNullOrWhiteSpace(o.Id) || !optionIds.Add(o.Id)) problems.Add(new Problem($"{at}.options[{j}].id", "Each option needs its own id.", "survey.duplicateId"));
                else Text(o.Id, Limits.QuestionId, $"{at}.options[{j}].id");
                foreach (var (lang, text) in o.Text.All())
                    if (string.IsNullOrWhiteSpace(text)) problems.Add(new Problem($"{at}.options[{j}].text.{lang}", $"The option's text in {lang} is missing.", "text.required"));
                    else Text(text, Limits.OptionText, $"{at}.options[{j}].text.{lang}");
            }
        }
        return problems;
    }

    /// <summary>Every problem with a person's answers, each naming the question; empty when they can be kept.</summary>
    public IReadOnlyList<AnswerProblem> Check(IReadOnlyList<SurveyAnswer> answers)
    {
        var problems = new List<AnswerProblem>();
        var byQuestion = answers.GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.Last());
        foreach (var unknown in byQuestion.Keys.Where(k => Questions.All(q => q.Id != k)))
            problems.Add(new(unknown, AnswerProblemKind.UnknownQuestion, $"There is no question '{unknown}' in this survey."));
        foreach (var q in Questions)
        {
            var a = byQuestion.GetValueOrDefault(q.Id);
            if (a is null || a.IsEmpty)
            {
                if (q.Required) problems.Add(new(q.Id, AnswerProblemKind.Required, "This question needs an answer."));
                continue;
            }
            var choices = a.Choices ?? [];
            if (q.HasOptions && choices.FirstOrDefault(c => q.Options.All(o => o.Id != c)) is { } bad)
            {
                problems.Add(new(q.Id, AnswerProblemKind.NotAnOption, $"'{bad}' is not one of the options."));
                continue;
            }
            switch (q.Kind)
            {
                case QuestionKind.Rating when a.Rating is not (>= SurveyQuestion.MinRating and <= SurveyQuestion.MaxRating):
                    problems.Add(new(q.Id, AnswerProblemKind.Rating, $"Give a rating from {SurveyQuestion.MinRating} to {SurveyQuestion.MaxRating}."));
                    break;
                case QuestionKind.SingleChoice when choices.Count != 1:
                    problems.Add(new(q.Id, AnswerProblemKind.NotAnOption, "Choose one answer."));
                    break;
                case QuestionKind.Priorities when choices.Count != SurveyQuestion.PriorityCount || choices.Distinct().Count() != choices.Count:
                    problems.Add(new(q.Id, AnswerProblemKind.Priorities, $"Choose {SurveyQuestion.PriorityCount} different priorities, in order."));
                    break;
                case QuestionKind.FreeText when (a.Text?.Trim().Length ?? 0) > SurveyQuestion.MaxTextLength:
                    problems.Add(new(q.Id, AnswerProblemKind.TooLong, $"The text has more than {SurveyQuestion.MaxTextLength} characters."));
                    break;
                case QuestionKind.FreeText when Common.Text.Check(a.Text, Limits.SurveyText) is { } refused:
                    problems.Add(new(q.Id, AnswerProblemKind.InvalidText, refused.Message));
                    break;
            }
        }
        return problems;
    }

    /// <summary>The answers as kept: trimmed, only the questions of the survey, empty ones dropped.</summary>
    public IReadOnlyList<SurveyAnswer> Clean(IReadOnlyList<SurveyAnswer> answers) =>
        Questions.Select(q => answers.LastOrDefault(a => a.QuestionId == q.Id)).OfType<SurveyAnswer>().Where(a => !a.IsEmpty)
            .Select(a => a with { Text = Text.Clean(a.Text), Choices = a.Choices is { Count: > 0 } c ? c.ToList() : null }).ToList();

    private bool SameQuestions(IReadOnlyList<SurveyQuestion> other) =>
        other.Count == Questions.Count && other.Zip(Questions).All(p => p.First.Id == p.Second.Id && p.First.Kind == p.Second.Kind
            && p.First.Text == p.Second.Text && p.First.Required == p.Second.Required && p.First.Options.SequenceEqual(p.Second.Options));
}

using System.Globalization;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Resources;

namespace ParticipantBot.Surveys;

/// <summary>
/// Answers as the card and the web form send them: one field per question named by its id
/// (multiple choices comma-separated or repeated), priorities as "{id}.1" to "{id}.3"; and the
/// problems with them in the person's language.
/// </summary>
public static class SurveyForm
{
    public static string RankField(string questionId, int rank) => $"{questionId}.{rank.ToString(CultureInfo.InvariantCulture)}";

    public static IReadOnlyList<SurveyAnswer> Parse(Survey survey, Func<string, IReadOnlyList<string>> values)
    {
        var answers = new List<SurveyAnswer>();
        foreach (var q in survey.Questions)
        {
            var raw = values(q.Id).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            switch (q.Kind)
            {
                case QuestionKind.Rating when raw.Count > 0:
                    // Something that is not a whole number becomes an out-of-range rating, so that it is reported, not dropped.
                    answers.Add(new SurveyAnswer(q.Id, Rating: int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0));
                    break;
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice when raw.Count > 0:
                    answers.Add(new SurveyAnswer(q.Id, Choices: raw.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList()));
                    break;
                case QuestionKind.FreeText when raw.Count > 0:
                    answers.Add(new SurveyAnswer(q.Id, Text: raw[0]));
                    break;
                case QuestionKind.Priorities:
                    var ranks = Enumerable.Range(1, SurveyQuestion.PriorityCount).Select(n => (values(RankField(q.Id, n)) is { Count: > 0 } given ? given[0]?.Trim() : null)).ToList();
                    if (ranks.Any(v => !string.IsNullOrEmpty(v))) answers.Add(new SurveyAnswer(q.Id, Choices: ranks.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList()));
                    break;
            }
        }
        return answers;
    }

    public static string Describe(Survey survey, AnswerProblem problem, Language lang)
    {
        var question = survey.Questions.FirstOrDefault(q => q.Id == problem.QuestionId)?.Text.In(lang) ?? problem.QuestionId;
        if (problem.Kind == AnswerProblemKind.Required) return Texts.Format("Survey.Problem.Required", lang, question);
        var why = Texts.Get(problem.Kind switch
        {
            AnswerProblemKind.Rating => "Survey.Problem.Rating",
            AnswerProblemKind.Priorities => "Survey.Problem.Priorities",
            AnswerProblemKind.TooLong => "Survey.Problem.Long",
            AnswerProblemKind.InvalidText => "Survey.Problem.Characters",
            _ => "Survey.Problem.Choice",
        }, lang);
        return Texts.Format("Survey.Problem.Invalid", lang, question, why);
    }
}

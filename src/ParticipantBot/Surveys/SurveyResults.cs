using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Resources;

namespace ParticipantBot.Surveys;

public sealed record ValueCount(string Value, string Label, int Count);

public sealed record QuestionResult(
    string Id, QuestionKind Kind, string Text, int Answers, double? Average,
    IReadOnlyList<ValueCount> Distribution, IReadOnlyList<ValueCount>? Points, IReadOnlyList<string>? Comments);

/// <summary>The results of one group of respondents (a stakeholder group, a sex, or "other" for merged small groups).</summary>
public sealed record GroupResult(string Key, string Label, int Responses, IReadOnlyList<QuestionResult> Questions);

public sealed record SurveyResultsDto(
    string SurveyId, string SessionId, bool Anonymous, SurveyState State, DateTimeOffset? OpenedAt, DateTimeOffset? ClosesAt,
    int SentTo, int Responses, double? ResponseRate, IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<GroupResult> ByGroup, IReadOnlyList<GroupResult> BySex, int? MinimumGroupSize);

/// <summary>
/// Survey results: per question the distribution, the average of ratings, 3-2-1 points for
/// priorities and the comments; the same by stakeholder group and by sex. For an anonymous survey a
/// group is shown only with at least 5 answers: smaller ones merge into "other", and "other" itself
/// is left out while it has fewer than 5, so that no one can be singled out. Breakdowns carry no comments.
/// </summary>
public static class SurveyResults
{
    public const int MinimumAnonymousGroup = 5;
    public const string Other = "other";

    public static SurveyResultsDto Compute(Survey survey, IReadOnlyList<SurveyResponse> responses, int sentTo, Language lang, DateTimeOffset now)
    {
        return new SurveyResultsDto(
            survey.Id.ToString(), survey.SessionId.ToString(), survey.Anonymous, survey.StateAt(now), survey.OpenedAt, survey.ClosesAt,
            sentTo, responses.Count, sentTo == 0 ? null : Math.Round((double)responses.Count / sentTo, 3),
            Questions(survey, responses, lang, withComments: true),
            Breakdown(survey, responses, r => r.Group, g => Labels.Group(g, lang), lang),
            Breakdown(survey, responses, r => RsvpName(r.Sex), s => Labels.Sex(Enum.Parse<Sex>(s, ignoreCase: true), lang), lang),
            survey.Anonymous ? MinimumAnonymousGroup : null);
    }

    private static string RsvpName(Sex sex) => sex switch { Sex.Female => "female", Sex.Male => "male", _ => "notStated" };

    private static List<GroupResult> Breakdown(Survey survey, IReadOnlyList<SurveyResponse> responses, Func<SurveyResponse, string> key,
        Func<string, string> label, Language lang)
    {
        var groups = responses.GroupBy(key).ToDictionary(g => g.Key, g => g.ToList());
        if (survey.Anonymous)
        {
            var small = groups.Where(g => g.Value.Count < MinimumAnonymousGroup).Select(g => g.Key).ToList();
            var merged = small.SelectMany(k => groups[k]).ToList();
            foreach (var k in small) groups.Remove(k);
            // A hidden remainder of 1 to 4 answers could be worked out as the total minus the groups shown:
            // the smallest groups shown join it until it has 5 (or nothing is left to show).
            while (merged.Count is > 0 and < MinimumAnonymousGroup && groups.Count > 0)
            {
                var smallest = groups.OrderBy(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal).First();
                merged.AddRange(smallest.Value);
                groups.Remove(smallest.Key);
            }
            if (merged.Count >= MinimumAnonymousGroup) groups[Other] = groups.TryGetValue(Other, out var already) ? [.. already, .. merged] : merged;
        }
        return groups.OrderBy(g => g.Key == Other ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupResult(g.Key, g.Key == Other && survey.Anonymous ? Labels.Group(Other, lang) : label(g.Key), g.Value.Count,
                Questions(survey, g.Value, lang, withComments: false)))
            .ToList();
    }

    private static List<QuestionResult> Questions(Survey survey, IReadOnlyList<SurveyResponse> responses, Language lang, bool withComments) =>
        survey.Questions.Select(q =>
        {
            var answers = responses.Select(r => r.Answers.FirstOrDefault(a => a.QuestionId == q.Id)).OfType<SurveyAnswer>().ToList();
            string Option(string id) => q.Options.FirstOrDefault(o => o.Id == id)?.Text.In(lang) ?? id;
            return q.Kind switch
            {
                QuestionKind.Rating => new QuestionResult(q.Id, q.Kind, q.Text.In(lang), answers.Count,
                    answers.Count == 0 ? null : Math.Round(answers.Average(a => a.Rating ?? 0), 2),
                    Enumerable.Range(SurveyQuestion.MinRating, SurveyQuestion.MaxRating).Select(n =>
                        new ValueCount(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture), answers.Count(a => a.Rating == n))).ToList(),
                    null, null),
                QuestionKind.FreeText => new QuestionResult(q.Id, q.Kind, q.Text.In(lang), answers.Count, null, [], null,
                    withComments ? answers.Select(a => a.Text!).Where(t => t is not null).ToList() : null),
                QuestionKind.Priorities => new QuestionResult(q.Id, q.Kind, q.Text.In(lang), answers.Count, null,
                    q.Options.Select(o => new ValueCount(o.Id, Option(o.Id), answers.Count(a => a.Choices?.Contains(o.Id) == true))).ToList(),
                    q.Options.Select(o => new ValueCount(o.Id, Option(o.Id), answers.Sum(a => Points(a.Choices, o.Id))))
                        .OrderByDescending(p => p.Count).ThenBy(p => p.Value, StringComparer.Ordinal).ToList(),
                    null),
                _ => new QuestionResult(q.Id, q.Kind, q.Text.In(lang), answers.Count, null,
                    q.Options.Select(o => new ValueCount(o.Id, Option(o.Id), answers.Count(a => a.Choices?.Contains(o.Id) == true))).ToList(), null, null),
            };
        }).ToList();

    /// <summary>3 points for a first priority, 2 for a second, 1 for a third.</summary>
    private static int Points(IReadOnlyList<string>? ranked, string option)
    {
        var index = ranked?.ToList().IndexOf(option) ?? -1;
        return index is >= 0 and < SurveyQuestion.PriorityCount ? SurveyQuestion.PriorityCount - index : 0;
    }
}

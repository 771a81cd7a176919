using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Resources;

namespace ParticipantBot.Surveys;

/// <summary>
/// The default post-session survey, its texts from the resource files in fr, ar and en: satisfaction,
/// usefulness, what to keep, the top three priorities among the consultation's themes, a comment.
/// </summary>
public static class DefaultSurvey
{
    public static readonly string[] Priorities = ["documents", "employment", "health", "education", "housing", "discrimination"];

    public static IReadOnlyList<SurveyQuestion> Questions() =>
    [
        new("satisfaction", QuestionKind.Rating, Text("Survey.Default.Satisfaction"), true, []),
        new("usefulness", QuestionKind.Rating, Text("Survey.Default.Usefulness"), true, []),
        new("keep", QuestionKind.FreeText, Text("Survey.Default.Keep"), false, []),
        new("priorities", QuestionKind.Priorities, Text("Survey.Default.Priorities"), true,
            Priorities.Select(p => new SurveyOption(p, Text("Survey.Default.Priority." + p))).ToList()),
        new("comment", QuestionKind.FreeText, Text("Survey.Default.Comment"), false, []),
    ];

    private static LocalText Text(string key) => new(Texts.Get(key, Language.Fr), Texts.Get(key, Language.Ar), Texts.Get(key, Language.En));
}

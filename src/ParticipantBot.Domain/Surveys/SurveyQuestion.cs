using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Surveys;

public enum QuestionKind { Rating, SingleChoice, MultipleChoice, FreeText, Priorities }

/// <summary>A text in the three languages every participant-facing text exists in.</summary>
public sealed record LocalText(string Fr, string Ar, string En)
{
    public string In(Language language) => language switch { Language.Ar => Ar, Language.En => En, _ => Fr };

    public IEnumerable<(string Language, string Text)> All() => [("fr", Fr), ("ar", Ar), ("en", En)];
}

public sealed record SurveyOption(string Id, LocalText Text);

/// <summary>
/// One question. Rating: 1 to 5. Single and multiple choice: among the options. Free text. Priorities:
/// the top three of the options, in order (3, 2 and 1 points).
/// </summary>
public sealed record SurveyQuestion(string Id, QuestionKind Kind, LocalText Text, bool Required, IReadOnlyList<SurveyOption> Options)
{
    public const int MinRating = 1, MaxRating = 5, PriorityCount = 3;
    public static int MaxTextLength => Limits.SurveyText.Max;

    public bool HasOptions => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Priorities;
}

/// <summary>A person's answer to one question: a rating, chosen option ids (in order for priorities), or a text.</summary>
public sealed record SurveyAnswer(string QuestionId, int? Rating = null, IReadOnlyList<string>? Choices = null, string? Text = null)
{
    public bool IsEmpty => Rating is null && (Choices is null || Choices.Count == 0) && string.IsNullOrWhiteSpace(Text);
}

public enum AnswerProblemKind { Required, Rating, NotAnOption, Priorities, TooLong, UnknownQuestion, InvalidText }

/// <summary>What is wrong with the answer to one question.</summary>
public sealed record AnswerProblem(string QuestionId, AnswerProblemKind Kind, string Message);

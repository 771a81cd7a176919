using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Surveys;

namespace ParticipantBot.Domain.Tests.Surveys;

public class SurveyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 12, 0, 0, TimeSpan.Zero);
    private static readonly LocalText Q = new("Question ?", "سؤال؟", "Question?");
    private static readonly IReadOnlyList<SurveyOption> Options = new[] { "a", "b", "c", "d" }.Select(o => new SurveyOption(o, new LocalText(o, "خ" + o, o))).ToList();

    private static Survey Make(params SurveyQuestion[] questions) => Survey.Create(Guid.NewGuid(), Guid.NewGuid(), questions, Now);

    private static readonly SurveyQuestion Rating = new("r", QuestionKind.Rating, Q, true, []);
    private static readonly SurveyQuestion Single = new("s", QuestionKind.SingleChoice, Q, false, Options);
    private static readonly SurveyQuestion Multi = new("m", QuestionKind.MultipleChoice, Q, false, Options);
    private static readonly SurveyQuestion Ranked = new("p", QuestionKind.Priorities, Q, true, Options);
    private static readonly SurveyQuestion Free = new("t", QuestionKind.FreeText, Q, false, []);

    [Fact]
    public void CompleteAnswers_HaveNoProblem()
    {
        var survey = Make(Rating, Single, Multi, Ranked, Free);
        Assert.Empty(survey.Check([new("r", Rating: 5), new("s", Choices: ["b"]), new("m", Choices: ["a", "c"]), new("p", Choices: ["d", "a", "b"]), new("t", Text: "ok")]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Rating_OutsideOneToFive_IsRefused(int rating) =>
        Assert.Equal(AnswerProblemKind.Rating, Make(Rating).Check([new("r", Rating: rating)]).Single().Kind);

    [Fact]
    public void RequiredQuestion_WithoutAnswer_IsNamed()
    {
        var problem = Make(Rating, Free).Check([new("t", Text: "hello")]).Single();
        Assert.Equal(("r", AnswerProblemKind.Required), (problem.QuestionId, problem.Kind));
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("a,a,b")]
    [InlineData("a,b,c,d")]
    public void Priorities_AreThreeDifferentOptions(string chosen) =>
        Assert.Equal(AnswerProblemKind.Priorities, Make(Ranked).Check([new("p", Choices: chosen.Split(','))]).Single().Kind);

    [Fact]
    public void Choices_OutsideTheOptions_AndUnknownQuestions_AreRefused()
    {
        var problems = Make(Single, Multi).Check([new("s", Choices: ["z"]), new("m", Choices: ["a", "y"]), new("x", Text: "?")]);
        Assert.Equal(["x:UnknownQuestion", "s:NotAnOption", "m:NotAnOption"], problems.Select(p => $"{p.QuestionId}:{p.Kind}"));
        Assert.Equal(AnswerProblemKind.NotAnOption, Make(Single).Check([new("s", Choices: ["a", "b"])]).Single().Kind);
    }

    [Fact]
    public void Definition_HasAtMostEightQuestions_EachInThreeLanguages_WithEnoughOptions()
    {
        var nine = Enumerable.Range(0, 9).Select(i => Rating with { Id = "q" + i }).ToList();
        Assert.Contains(Survey.Problems(nine, 60, 7), p => p.Field == "questions");
        var noArabic = new SurveyQuestion("q", QuestionKind.Priorities, Q with { Ar = " " }, true, Options.Take(3).ToList());
        Assert.Equal(["questions[0].text.ar", "questions[0].options"], Survey.Problems([noArabic], 60, 7).Select(p => p.Field));
        Assert.Contains(Survey.Problems([Rating, Rating], 60, 7), p => p.Field == "questions[1].id");
        Assert.Contains(Survey.Problems([Rating], -1, 0), p => p.Field == "openDelayMinutes");
    }

    [Fact]
    public void OpensAtTheEndPlusTheDelay_ClosesAfterItsDays_AndFreezesItsQuestions()
    {
        var survey = Make(Rating);
        Assert.Equal(Now.AddMinutes(60), survey.OpensAt(Now));
        survey.Open(Now.AddHours(2));
        Assert.True(survey.IsOpen(Now.AddHours(2).AddDays(6)));
        Assert.True(survey.IsClosed(Now.AddHours(2).AddDays(7)));
        var ex = Assert.Throws<DomainException>(() => survey.Edit([Rating, Free], survey.Anonymous, true, 60, 7, Now));
        Assert.Equal("status", ex.Field);
        survey.Edit([Rating], survey.Anonymous, true, 60, 10, Now);   // the days may still change
    }

    [Fact]
    public void AnonymousResponse_HasNoParticipant_AndOnlyTheDay()
    {
        var survey = Make(Rating);
        survey.Edit([Rating], anonymous: true, enabled: true, 60, 7, Now);
        var response = SurveyResponse.Create(survey, Guid.NewGuid(), "youth", Sex.Female, AnswerChannel.Web, [new("r", Rating: 4), new("zzz", Text: "dropped")], Now.AddHours(3).AddMinutes(17));
        Assert.Null(response.ParticipantId);
        Assert.Equal(new DateOnly(2026, 12, 16), response.SubmittedOn);
        Assert.Equal(["r"], response.Answers.Select(a => a.QuestionId));
    }
}

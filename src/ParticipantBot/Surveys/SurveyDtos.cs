using ParticipantBot.Domain.Surveys;

namespace ParticipantBot.Surveys;

public sealed record LocalTextDto(string? Fr, string? Ar, string? En)
{
    public LocalText ToText() => new(Fr?.Trim() ?? "", Ar?.Trim() ?? "", En?.Trim() ?? "");
    public static LocalTextDto Of(LocalText t) => new(t.Fr, t.Ar, t.En);
}

public sealed record OptionDto(string? Id, LocalTextDto? Text);

public sealed record QuestionDto(string? Id, QuestionKind? Kind, LocalTextDto? Text, bool? Required, List<OptionDto>? Options)
{
    public SurveyQuestion ToQuestion() => new(Id?.Trim() ?? "", Kind ?? QuestionKind.FreeText, (Text ?? new(null, null, null)).ToText(), Required ?? false,
        (Options ?? []).Select(o => new SurveyOption(o.Id?.Trim() ?? "", (o.Text ?? new(null, null, null)).ToText())).ToList());

    public static QuestionDto Of(SurveyQuestion q) => new(q.Id, q.Kind, LocalTextDto.Of(q.Text), q.Required,
        q.Options.Select(o => new OptionDto(o.Id, LocalTextDto.Of(o.Text))).ToList());
}

/// <summary>A session's survey; <c>opensAt</c> is when it opens by itself (the session's end plus the delay) until it has opened.</summary>
public sealed record SurveyDto(
    string Id, string SessionId, bool Enabled, bool Anonymous, int OpenDelayMinutes, int OpenDays,
    DateTimeOffset OpensAt, DateTimeOffset? OpenedAt, DateTimeOffset? ClosesAt, SurveyState State, List<QuestionDto> Questions)
{
    public static SurveyDto Of(Survey s, Domain.Campaigns.Session session, DateTimeOffset now) => new(
        s.Id.ToString(), s.SessionId.ToString(), s.Enabled, s.Anonymous, s.OpenDelayMinutes, s.OpenDays,
        s.OpensAt(session.EndsAt), s.OpenedAt, s.ClosesAt,
        s.StateAt(now),
        s.Questions.Select(QuestionDto.Of).ToList());
}

public sealed record SurveyRequest(bool? Enabled, bool? Anonymous, int? OpenDelayMinutes, int? OpenDays, List<QuestionDto>? Questions);

public sealed record SurveyOpened(SurveyState State, int SentTo, DateTimeOffset? ClosesAt);

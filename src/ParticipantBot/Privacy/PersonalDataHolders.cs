using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Participants;

namespace ParticipantBot.Privacy;

public sealed record ExportedChange(DateTimeOffset At, RsvpStatus From, RsvpStatus To, AnswerChannel Channel, string By, string? Note);

public sealed record ExportedInvitation(string SessionId, string Session, DateTimeOffset Start, string Status, string? SubGroup, string? AnsweredBy,
    IReadOnlyList<ExportedChange> History);

public sealed record ExportedMessage(string SessionId, string Kind, string Channel, string Status, DateTimeOffset DueAt, DateTimeOffset? SentAt, string? Reason);

public sealed record ExportedSurveyAnswer(string SessionId, DateOnly SubmittedOn, string Channel, IReadOnlyList<Domain.Surveys.SurveyAnswer> Answers);

public sealed record ExportedConversation(string TenantId, string ConversationId, DateTimeOffset InstalledAt, bool Active);

/// <summary>What the modules hold about one person, each filling its part of their export.</summary>
public sealed class PersonalData
{
    public List<ExportedInvitation> Invitations { get; } = [];
    public List<ExportedMessage> Messages { get; } = [];
    public List<ExportedSurveyAnswer> NamedSurveyAnswers { get; } = [];
    /// <summary>Surveys the person answered anonymously: only that they did is known.</summary>
    public int AnonymousSurveysAnswered { get; set; }
    public List<ExportedConversation> TeamsConversations { get; } = [];
}

/// <summary>
/// A module that keeps personal data about participants beyond the guest list: it shows it in the person's export and
/// forgets it when the person is erased or their campaign's retention ends, inside the erasure's unit of work (what
/// the database's cascades already remove needs nothing more).
/// </summary>
public interface IPersonalDataHolder
{
    Task ExportAsync(Participant person, PersonalData into, CancellationToken ct);

    /// <summary>These people are being erased (their records, invitations and messages go by cascade).</summary>
    Task ForgetPeopleAsync(IReadOnlyCollection<ErasedPerson> people, CancellationToken ct);

    /// <summary>The campaign's retention ended: only what the counts need stays (its people are anonymised, not removed).</summary>
    Task ForgetCampaignAsync(Guid campaignId, IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<ErasedPerson> people, CancellationToken ct);
}

/// <summary>What the person said about themselves for the report, in their export (right of access): null when nothing is held.</summary>
public sealed record ExportedSelfDescription(string? AgeBand, string Disability, IReadOnlyDictionary<string, string?> WashingtonGroupShortSet)
{
    public static ExportedSelfDescription? Of(Participant person) => !person.SelfDescription.Any ? null : new(
        person.AgeBand, EnumNames.Of(person.Disability),
        Functioning.Domains.Select((d, i) => (d, person.Functioning.Answers[i])).ToDictionary(x => x.d, x => x.Item2 is { } a ? EnumNames.Of(a) : null));
}

/// <summary>
/// What must outlive a campaign's personal data as counts (the report's tables by age band and disability): kept
/// in the erasure's own transaction, before the participant rows lose what the counts are made of.
/// </summary>
public interface IRetentionCounts
{
    Task KeepAsync(Guid campaignId, CancellationToken ct);
}

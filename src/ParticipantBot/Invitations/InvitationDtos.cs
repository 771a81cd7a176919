using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Invitations;

/// <summary>Whom to invite: a list of participants, a stakeholder group, or everyone in the campaign.</summary>
/// <param name="SubGroup">One of the session's sub-groups: the people invited are put in it.</param>
public sealed record InviteRequest(List<Guid>? ParticipantIds, string? Group, bool? All, string? SubGroup = null);

/// <param name="Repaired">Invitations that existed, had never been sent and had no message: planned again.</param>
public sealed record InviteResult(int Requested, int Created, int AlreadyInvited, int HandedToChannels, int Waiting, string Message, int Repaired = 0);

public sealed record AnswerRequest(RsvpStatus? Status, AnswerChannel? Channel, string? Note);

public sealed record SubstituteRequest(Guid? DelegateParticipantId);

public sealed record ChangeDto(DateTimeOffset At, RsvpStatus From, RsvpStatus To, AnswerChannel Channel, string By, string? Note)
{
    public static ChangeDto Of(InvitationChange c) => new(c.At, c.From, c.To, c.Channel, c.By, c.Note);
}

/// <summary>The latest message to the person on one channel: how it went, and why when it did not.</summary>
public sealed record DeliveryDto(Domain.Messages.DeliveryChannel Channel, Domain.Messages.MessageKind Kind, Domain.Messages.DeliveryStatus Status, string? Reason, DateTimeOffset? SentAt,
    bool MayHaveArrivedTwice = false)
{
    public static DeliveryDto Of(Delivery.MessageOutcome m) => new(m.Channel, m.Kind, m.Status, m.Reason, m.SentAt, m.MayHaveArrivedTwice);
}

public sealed record InvitationDto(
    string Id, string SessionId, string ParticipantId, string Name, string? Email, string Group, Sex Sex, Language Language,
    RsvpStatus Status, AnswerChannel? Channel, PreferredChannel PreferredChannel, string? SubGroup, ChangeDto? LastChange,
    IReadOnlyList<DeliveryDto> Delivery)
{
    public static InvitationDto From(Invitation i, Participant p, IReadOnlyList<DeliveryDto>? delivery = null) => new(
        i.Id.ToString(), i.SessionId.ToString(), p.Id.ToString(), p.FullName, p.Email, p.Group, p.Sex, p.Language,
        i.Status, i.LastChannel, p.Channel, i.SubGroup, i.History.Count > 0 ? ChangeDto.Of(i.History[^1]) : null, delivery ?? []);
}

public sealed record InvitationDetailDto(InvitationDto Invitation, IReadOnlyList<ChangeDto> History, InvitationDto? SeatOfferedTo);

using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Invitations;

/// <summary>One step of an invitation's history: who changed what, when and through which channel.</summary>
public sealed record InvitationChange(
    DateTimeOffset At,
    RsvpStatus From,
    RsvpStatus To,
    AnswerChannel Channel,
    string By,
    string? Note = null);

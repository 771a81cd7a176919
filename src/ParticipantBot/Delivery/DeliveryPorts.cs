using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Delivery;

/// <summary>Which Teams users the bot can reach now (the Teams module answers: it keeps the conversations).</summary>
public interface ITeamsReach
{
    Task<HashSet<string>> ReachableAsync(IReadOnlyCollection<string> objectIds, CancellationToken ct);
}

/// <summary>
/// The invitations messages are about, as the Invitations module keeps them: their states decide the stop rules at
/// the moment of sending, and a delivered invitation becomes "invited".
/// </summary>
public interface IInvitationStates
{
    /// <summary>The invitations of these sessions and people, as they are now (untracked).</summary>
    Task<Dictionary<(Guid Session, Guid Participant), Invitation>> ReadAsync(IReadOnlyCollection<Guid> sessionIds, IReadOnlyCollection<Guid> participantIds, CancellationToken ct);

    /// <summary>These invitation messages were delivered: their invitations, still not sent, become invited (inside the dispatcher's save).</summary>
    Task DeliveredAsync(IReadOnlyCollection<OutboundMessage> invitationMessages, DateTimeOffset at, CancellationToken ct);
}

using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;

namespace ParticipantBot.Invitations;

/// <summary>Hands new invitations to the delivery channels (email, Teams) through the outbox.</summary>
public interface IInvitationDispatch
{
    /// <returns>How many invitations at least one channel will carry.</returns>
    Task<int> HandOverAsync(Session session, IReadOnlyList<Invitation> invitations, CancellationToken ct);
}


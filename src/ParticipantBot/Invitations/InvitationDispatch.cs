using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;

namespace ParticipantBot.Invitations;

/// <summary>
/// Hands new invitations to the delivery channels (email, Teams). Channels register their own
/// implementation; with none registered, invitations wait in notSent and the log says so.
/// </summary>
public interface IInvitationDispatch
{
    /// <returns>How many invitations a channel took.</returns>
    Task<int> HandOverAsync(Session session, IReadOnlyList<Invitation> invitations, CancellationToken ct);
}

internal sealed class NoChannelDispatch(ILogger<NoChannelDispatch> logger) : IInvitationDispatch
{
    public Task<int> HandOverAsync(Session session, IReadOnlyList<Invitation> invitations, CancellationToken ct)
    {
        if (invitations.Count > 0)
            logger.LogWarning("No delivery channel is configured: {Count} invitation(s) of session {SessionId} stay notSent.", invitations.Count, session.Id);
        return Task.FromResult(0);
    }
}

using System.Collections.Concurrent;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Delivery;

/// <summary>
/// Everything a batch of messages needs, read once for the batch (a few queries instead of
/// several per message), so that senders do no database work while they send in parallel.
/// </summary>
public sealed class DeliveryContext
{
    private DeliveryContext() { }

    public Dictionary<Guid, Participant> Participants { get; private init; } = [];
    public Dictionary<Guid, Session> Sessions { get; private init; } = [];
    public Dictionary<Guid, Campaign> Campaigns { get; private init; } = [];
    /// <summary>Invitations by (session, participant), as read when the batch started.</summary>
    public Dictionary<(Guid Session, Guid Participant), Invitation> Invitations { get; private init; } = [];
    /// <summary>What each channel prepared for the batch (Teams: the conversation references).</summary>
    public ConcurrentDictionary<string, object> Channel { get; } = new();

    public static async Task<DeliveryContext> LoadAsync(Campaigns.CampaignDirectory campaigns, Participants.ParticipantDirectory people,
        IInvitationStates invitations, IReadOnlyCollection<OutboundMessage> messages, CancellationToken ct)
    {
        var participantIds = messages.Select(m => m.ParticipantId).Distinct().ToList();
        var sessionIds = messages.Select(m => m.SessionId).Distinct().ToList();
        var campaignIds = messages.Select(m => m.CampaignId).Distinct().ToList();
        return new DeliveryContext
        {
            Participants = await people.ByIdAsync(participantIds, ct),
            Sessions = await campaigns.SessionsAsync(sessionIds, ct),
            Campaigns = await campaigns.CampaignsAsync(campaignIds, ct),
            Invitations = await invitations.ReadAsync(sessionIds, participantIds, ct),
        };
    }

    /// <summary>The message's participant, session, campaign and invitation; null when one of them is gone.</summary>
    public (Participant Person, Session Session, Campaign Campaign, Invitation Invitation)? For(OutboundMessage message) =>
        Participants.TryGetValue(message.ParticipantId, out var person)
        && Sessions.TryGetValue(message.SessionId, out var session)
        && Campaigns.TryGetValue(message.CampaignId, out var campaign)
        && Invitations.TryGetValue((message.SessionId, message.ParticipantId), out var invitation)
            ? (person, session, campaign, invitation)
            : null;
}

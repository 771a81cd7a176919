using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Email;

/// <summary>
/// A mail service that replaces the outbox folder as the email channel's last step (Outlook through Microsoft Graph,
/// when configured): it gets the composed content and the message it is for, and says what became of it.
/// </summary>
public interface IMailService
{
    Task<SendResult> SendAsync(OutboundMessage message, Campaign campaign, Session session, Participant person, EmailContent content, CancellationToken ct);
}

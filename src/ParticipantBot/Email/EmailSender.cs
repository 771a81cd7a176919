using Microsoft.EntityFrameworkCore;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;

namespace ParticipantBot.Email;

/// <summary>The email channel: composes the message and hands it to the transport (folder or Graph).</summary>
public sealed class EmailSender(AppDbContext db, EmailComposer composer, IEmailTransport transport) : IMessageSender
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var person = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == message.ParticipantId, ct);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == message.SessionId, ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CampaignId, ct);
        var invitationId = await db.Invitations.Where(i => i.SessionId == message.SessionId && i.ParticipantId == message.ParticipantId)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        if (person is null || session is null || campaign is null || invitationId is null)
            return new SendResult.Skipped("The participant, session or invitation no longer exists.");
        if (person.Email is null) return new SendResult.Failed("The participant has no email address.");
        var mime = composer.Compose(message, campaign, session, person, invitationId.Value);
        return new SendResult.Sent(await transport.SendAsync(mime, ct));
    }
}

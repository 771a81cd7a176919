using ParticipantBot.Delivery;
using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Email;

/// <summary>The email channel: composes the message and hands it to the transport (folder or Graph).</summary>
public sealed class EmailSender(EmailComposer composer, IEmailTransport transport) : IMessageSender
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task<SendResult> SendAsync(OutboundMessage message, DeliveryContext context, CancellationToken ct)
    {
        if (context.For(message) is not { } found) return new SendResult.Skipped("The participant, session or invitation no longer exists.");
        if (found.Person.Email is null) return new SendResult.Failed("The participant has no email address.");
        var mime = composer.Compose(message, found.Campaign, found.Session, found.Person, found.Invitation.Id);
        return new SendResult.Sent(await transport.SendAsync(mime, ct));
    }
}

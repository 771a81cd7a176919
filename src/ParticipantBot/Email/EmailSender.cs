using ParticipantBot.Delivery;
using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Email;

/// <summary>The email channel: composes the message and hands it to the mail service when one is configured (Outlook through Graph), else to the outbox folder.</summary>
public sealed class EmailSender(EmailComposer composer, LimitedEmailTransport transport, IMailService? mailService = null) : IMessageSender
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    /// <summary>No more at once than the mailbox allows, so that a claimed email never waits for a slot.</summary>
    public int MaxParallel => transport.MaxConcurrent;

    public Task ReserveAsync(OutboundMessage message, DeliveryContext context, CancellationToken ct) => transport.ReserveAsync(ct);

    public async Task<SendResult> SendAsync(OutboundMessage message, DeliveryContext context, CancellationToken ct)
    {
        if (context.For(message) is not { } found) return new SendResult.Skipped("The participant, session or invitation no longer exists.");
        if (found.Person.Email is null) return new SendResult.Failed("The participant has no email address.");
        transport.Started();
        if (mailService is not null)
            return await mailService.SendAsync(message, found.Campaign, found.Session, found.Person,
                composer.Content(message, found.Campaign, found.Session, found.Person, found.Invitation), ct);
        var mime = composer.Compose(message, found.Campaign, found.Session, found.Person, found.Invitation);
        // The outbox folder tells whether an earlier attempt wrote the file: it never makes a second copy.
        return new SendResult.Sent(await transport.SendAsync(mime, message.Uncertainty is not null, ct));
    }
}

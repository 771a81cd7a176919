using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Delivery;

/// <summary>What a channel did with one message.</summary>
public abstract record SendResult
{
    /// <param name="MayDuplicate">
    /// The channel cannot tell whether an earlier, uncertain attempt of this message had arrived (Teams, Graph sendMail):
    /// if there was one, the message is flagged as possibly arrived twice. False when the channel checked (the outbox
    /// folder's file, an Outlook event's transactionId) or the attempt was the first.
    /// </param>
    public sealed record Sent(string? ChannelMessageId, bool MayDuplicate = false) : SendResult;
    /// <summary>A passing failure (429, 5xx, a timeout): try again, not before the time given if any.</summary>
    public sealed record Retry(string Reason, TimeSpan? After = null) : SendResult;
    /// <summary>A failure that retrying will not mend.</summary>
    public sealed record Failed(string Reason) : SendResult;
    /// <summary>The channel cannot reach this person (no Teams install, 403/404): another channel may.</summary>
    public sealed record Unreachable(string Reason) : SendResult;
    public sealed record Skipped(string Reason) : SendResult;
    /// <summary>
    /// The channel may have delivered it (a 5xx to a request that is not safe to repeat): it is sent again later
    /// (at least once), and the copy that then arrives is flagged as possibly the second.
    /// </summary>
    public sealed record Uncertain(string Reason, TimeSpan? After = null) : SendResult;
}

/// <summary>
/// The last step of the pipeline for one channel: email (a folder or Graph), Teams. Several
/// messages of a batch are sent at once: <see cref="SendAsync"/> must not touch the database; what
/// it needs is read in <see cref="PrepareAsync"/> and what it learns is written in <see cref="CompleteAsync"/>.
/// </summary>
public interface IMessageSender
{
    DeliveryChannel Channel { get; }

    /// <summary>How many of this channel's messages may be sent at once.</summary>
    int MaxParallel => 8;

    /// <summary>
    /// Waits until the channel's limits allow one more send, BEFORE the message is claimed: a claimed
    /// message is sent at once, so a crash can only leave in doubt what was really in flight.
    /// </summary>
    Task ReserveAsync(OutboundMessage message, DeliveryContext context, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Reads what this channel needs for the batch into the context.</summary>
    Task PrepareAsync(DeliveryContext context, IReadOnlyCollection<OutboundMessage> messages, CancellationToken ct) => Task.CompletedTask;

    Task<SendResult> SendAsync(OutboundMessage message, DeliveryContext context, CancellationToken ct);

    /// <summary>Writes what the sends learnt (a conversation that no longer exists, say), after them.</summary>
    Task CompleteAsync(DeliveryContext context, CancellationToken ct) => Task.CompletedTask;
}

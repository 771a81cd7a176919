using ParticipantBot.Domain.Messages;

namespace ParticipantBot.Delivery;

/// <summary>What a channel did with one message.</summary>
public abstract record SendResult
{
    public sealed record Sent(string? ChannelMessageId) : SendResult;
    /// <summary>A passing failure (429, 5xx, a timeout): try again, not before the time given if any.</summary>
    public sealed record Retry(string Reason, TimeSpan? After = null) : SendResult;
    /// <summary>A failure that retrying will not mend.</summary>
    public sealed record Failed(string Reason) : SendResult;
    /// <summary>The channel cannot reach this person (no Teams install, 403/404): another channel may.</summary>
    public sealed record Unreachable(string Reason) : SendResult;
    public sealed record Skipped(string Reason) : SendResult;
}

/// <summary>The last step of the pipeline for one channel: email (a folder or Graph), Teams.</summary>
public interface IMessageSender
{
    DeliveryChannel Channel { get; }
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct);
}

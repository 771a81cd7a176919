using System.ComponentModel.DataAnnotations;

namespace ParticipantBot.Delivery;

/// <summary>How the outbox is dispatched (Delivery section).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How many due messages one dispatch claims at a time.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How many messages are sent at once (each group is claimed, sent and saved together).</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;

    /// <summary>A message claimed longer ago than this, and not finished, was cut off by a crash: it is sent again (on SQLite, a claim of another process is at once).</summary>
    [Range(10, 86_400)]
    public int LeaseSeconds { get; set; } = 120;
}

namespace ParticipantBot.Outlook;

/// <summary>
/// One person's Outlook meeting for one session: the event in the organiser mailbox that carries
/// their invitation, and the last reply read from it. One event per person (ADR 9).
/// </summary>
public sealed class OutlookEvent
{
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public Guid SessionId { get; set; }
    public Guid ParticipantId { get; set; }
    /// <summary>Graph's id of the event in the mailbox; it changes when an event deleted by hand is recreated.</summary>
    public string EventId { get; set; } = "";
    /// <summary>Sent with the create, so that a repeated create makes no second event.</summary>
    public string TransactionId { get; set; } = "";
    /// <summary>The session's sequence the event shows (time, venue).</summary>
    public int Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>The attendee's response as Graph last reported it (none, accepted, tentativelyAccepted, declined).</summary>
    public string? Response { get; set; }
    public DateTimeOffset? ResponseAt { get; set; }
    public DateTimeOffset? SyncedAt { get; set; }
}

/// <summary>The Graph change-notification subscription on the mailbox's events, renewed before it expires.</summary>
public sealed class GraphSubscription
{
    public Guid Id { get; set; }
    public string SubscriptionId { get; set; } = "";
    /// <summary>A secret Graph echoes in every notification: one that does not match is ignored.</summary>
    public string ClientState { get; set; } = "";
    public string Resource { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

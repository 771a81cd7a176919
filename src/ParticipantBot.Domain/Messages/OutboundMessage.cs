namespace ParticipantBot.Domain.Messages;

public enum MessageKind
{
    Invitation,
    /// <summary>The session's time or place changed.</summary>
    Update,
    Cancellation,
    /// <summary>The person asked for a seat in a full session and waits for one.</summary>
    Waitlisted,
    /// <summary>A freed seat is held for the person.</summary>
    SeatOffered,
    Reminder,
    DayBefore,
    Today,
    Survey,
    SurveyReminder,
    /// <summary>The organiser took this person's invitation back: their meeting is cancelled.</summary>
    Withdrawal,
    /// <summary>The "I'm here" card, in Teams only, when the session's check-in window opens and its organisers allow self check-in.</summary>
    CheckIn,
}

public enum DeliveryChannel { Email, Teams }

public enum DeliveryStatus
{
    Planned,
    /// <summary>Claimed by a dispatcher and being sent now.</summary>
    Sending,
    Sent,
    /// <summary>Not sent on purpose (declined, withdrawn, stopped...); the reason says why.</summary>
    Skipped,
    /// <summary>Given up after its attempts, or refused by the channel; the reason says why.</summary>
    Failed,
}

/// <summary>
/// One message to one participant, kept in the application's own table before, during and after
/// its sending. Its idempotency key (participant, session, kind, sequence) makes planning the same
/// message twice impossible.
/// </summary>
public sealed class OutboundMessage
{
    public const int MaxAttempts = 5;

    private OutboundMessage() { IdempotencyKey = string.Empty; }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public MessageKind Kind { get; private set; }
    /// <summary>Tells apart messages of the same kind: the session's sequence for invitations and updates, the reminder's number otherwise.</summary>
    public int Sequence { get; private set; }
    public DeliveryChannel Channel { get; private set; }
    public string IdempotencyKey { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>The channel's own id of the sent message (a Message-ID, an activity id).</summary>
    public string? ChannelMessageId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? ClaimedBy { get; private set; }
    /// <summary>
    /// Why an earlier attempt may have delivered this message (the service stopped while sending it, or the
    /// channel failed in a way that does not say); null when no attempt left a doubt.
    /// </summary>
    public string? Uncertainty { get; private set; }
    /// <summary>Sent, after an uncertain attempt, by a channel that cannot tell whether the first copy arrived: it may have arrived twice.</summary>
    public bool PossibleDuplicate { get; private set; }
    /// <summary>How many times a send of this message was cut off by the service stopping.</summary>
    public int Interruptions { get; private set; }

    /// <summary>A message cut off this many times is given up: something in it stops the service.</summary>
    public const int MaxInterruptions = 10;

    /// <summary>
    /// One message per participant, session, kind and sequence, on each channel: a participant who
    /// asked for Teams and email gets the card and the email, never two of either.
    /// </summary>
    public static string KeyOf(Guid participantId, Guid sessionId, MessageKind kind, int sequence, DeliveryChannel channel) =>
        $"{participantId:N}:{sessionId:N}:{kind}:{sequence}:{channel}";

    public static OutboundMessage Plan(Guid campaignId, Guid sessionId, Guid participantId, MessageKind kind, int sequence,
        DeliveryChannel channel, DateTimeOffset dueAt, DateTimeOffset now) => new()
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            SessionId = sessionId,
            ParticipantId = participantId,
            Kind = kind,
            Sequence = sequence,
            Channel = channel,
            IdempotencyKey = KeyOf(participantId, sessionId, kind, sequence, channel),
            DueAt = dueAt.ToUniversalTime(),
            Status = DeliveryStatus.Planned,
            CreatedAt = now.ToUniversalTime(),
        };

    public bool IsFinished => Status is DeliveryStatus.Sent or DeliveryStatus.Skipped or DeliveryStatus.Failed;

    /// <param name="mayDuplicate">
    /// The channel delivered it but cannot tell whether an earlier, uncertain attempt had delivered it too
    /// (Teams, Graph sendMail): it is flagged as possibly arrived twice, with the earlier attempt's reason.
    /// </param>
    public void MarkSent(string? channelMessageId, DateTimeOffset at, bool mayDuplicate = false)
    {
        Status = DeliveryStatus.Sent;
        ChannelMessageId = channelMessageId;
        SentAt = at.ToUniversalTime();
        PossibleDuplicate = mayDuplicate && Uncertainty is not null;
        Reason = PossibleDuplicate ? "May have arrived twice: " + Uncertainty : null;
    }

    public void Skip(string reason)
    {
        Status = DeliveryStatus.Skipped;
        Reason = reason;
    }

    /// <summary>A failure that may pass (throttling, an outage): planned again for later, until the attempts run out.</summary>
    public void RetryLater(string reason, DateTimeOffset nextAttempt)
    {
        Reason = reason;
        if (Attempts >= MaxAttempts) { Status = DeliveryStatus.Failed; Reason = $"{reason} (gave up after {Attempts} attempts)"; return; }
        Status = DeliveryStatus.Planned;
        DueAt = nextAttempt.ToUniversalTime();
    }

    /// <summary>
    /// The channel may have delivered it (a 5xx to a request that is not safe to repeat): it is sent again
    /// (at least once), and flagged if the channel then cannot tell whether this made two.
    /// </summary>
    public void RetryUncertain(string reason, DateTimeOffset nextAttempt)
    {
        Uncertainty = reason;
        RetryLater(reason, nextAttempt);
    }

    /// <summary>A failure that will not pass by retrying (an unknown address, a refused recipient).</summary>
    public void Fail(string reason)
    {
        Status = DeliveryStatus.Failed;
        Reason = reason;
    }

    /// <summary>
    /// Its dispatcher stopped while sending it (the lease ran out): it is planned again at once, and the
    /// doubt is kept so that a channel that cannot tell flags the copy it sends.
    /// </summary>
    public void Reclaim(DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Sending) return;
        Interruptions++;
        Uncertainty = "the service stopped while this message was being sent.";
        // A crash is not the message's fault: its attempt does not count.
        Attempts = Math.Max(0, Attempts - 1);
        ClaimedBy = null;
        if (Interruptions >= MaxInterruptions)
        {
            Fail($"The service stopped {Interruptions} times while sending this message; it is not tried again.");
            return;
        }
        Status = DeliveryStatus.Planned;
        DueAt = now.ToUniversalTime();
    }

    /// <summary>Moves a planned message to another time (the session moved).</summary>
    public void Reschedule(DateTimeOffset dueAt)
    {
        if (Status == DeliveryStatus.Planned) DueAt = dueAt.ToUniversalTime();
    }
}

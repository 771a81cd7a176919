namespace ParticipantBot.Domain.Invitations;

public enum RsvpStatus
{
    NotSent,
    Invited,
    Accepted,
    Tentative,
    Declined,
    Waitlisted,
    /// <summary>A freed seat is held for someone who was waiting, until they answer.</summary>
    Offered,
    Attended,
    NoShow,
    /// <summary>The organiser took the invitation back.</summary>
    Withdrawn,
    /// <summary>The session was cancelled.</summary>
    Cancelled,
}

/// <summary>What a participant can answer to an invitation, whatever the channel.</summary>
public enum RsvpResponse { Accept, Tentative, Decline }

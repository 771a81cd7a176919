using ParticipantBot.Domain.Campaigns;

namespace ParticipantBot.Domain.Invitations;

/// <summary>
/// May this person still answer their invitation? One rule for every channel (the RSVP page, a Teams
/// card, an Outlook reply): until the session starts, unless it was cancelled or the invitation was
/// taken back, handed over, or attendance recorded.
/// </summary>
public static class Answering
{
    /// <summary>States in which the invitation no longer takes the person's own answer.</summary>
    public static bool IsSettled(RsvpStatus status) =>
        status is RsvpStatus.Withdrawn or RsvpStatus.Cancelled or RsvpStatus.Attended or RsvpStatus.NoShow;

    /// <summary>Why the person cannot answer now; null when they can.</summary>
    public static string? WhyNot(Session session, RsvpStatus status, DateTimeOffset now) =>
        session.IsCancelled ? "The session was cancelled."
        : now >= session.StartsAt ? "The session has started: answers are closed."
        : status is RsvpStatus.Withdrawn ? "The invitation was withdrawn."
        : status is RsvpStatus.Cancelled ? "The session was cancelled."
        : status is RsvpStatus.Attended or RsvpStatus.NoShow ? "Attendance is already recorded."
        : null;

    public static bool IsOpen(Session session, RsvpStatus status, DateTimeOffset now) => WhyNot(session, status, now) is null;

    /// <summary>
    /// The answer deadline to tell the person, or null: shown while they may still answer and the deadline
    /// is ahead (a past deadline asks nothing of anyone). One rule for the email, the card and the event.
    /// </summary>
    public static DateTimeOffset? DeadlineToShow(Session session, RsvpStatus status, DateTimeOffset now) =>
        session.AnswerDeadline is { } deadline && deadline > now && IsOpen(session, status, now) ? deadline : null;
}

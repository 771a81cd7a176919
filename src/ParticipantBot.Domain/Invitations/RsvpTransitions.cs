using static ParticipantBot.Domain.Invitations.RsvpStatus;

namespace ParticipantBot.Domain.Invitations;

/// <summary>The moves an invitation's RSVP state may make. Anything not listed is refused.</summary>
public static class RsvpTransitions
{
    private static readonly Dictionary<RsvpStatus, RsvpStatus[]> Allowed = new()
    {
        // An organiser may record an answer given by phone before anything was sent.
        [NotSent] = [Invited, Accepted, Tentative, Declined, Waitlisted, Attended, Withdrawn, Cancelled],
        [Invited] = [Accepted, Tentative, Declined, Waitlisted, Attended, Withdrawn, Cancelled],
        [Accepted] = [Tentative, Declined, Attended, NoShow, Withdrawn, Cancelled],
        [Tentative] = [Accepted, Waitlisted, Declined, Attended, NoShow, Withdrawn, Cancelled],
        [Declined] = [Accepted, Tentative, Waitlisted, Attended, Withdrawn, Cancelled],
        [Waitlisted] = [Offered, Tentative, Declined, Attended, Withdrawn, Cancelled],
        [Offered] = [Accepted, Tentative, Declined, Waitlisted, Attended, Withdrawn, Cancelled],
        // Attendance can be corrected either way after the event.
        [Attended] = [NoShow],
        [NoShow] = [Attended],
        [Withdrawn] = [Invited, Cancelled],
        [Cancelled] = [],
    };

    public static bool CanMove(RsvpStatus from, RsvpStatus to) => Allowed[from].Contains(to);

    /// <summary>Why a move is refused, in words an organiser understands; null when it is allowed.</summary>
    public static string? WhyNot(RsvpStatus from, RsvpStatus to)
    {
        if (CanMove(from, to)) return null;
        return from switch
        {
            Cancelled => "The session was cancelled: its invitations no longer change.",
            Withdrawn => $"The invitation was withdrawn: invite the person again before recording '{Name(to)}'.",
            Attended or NoShow => $"Attendance is already recorded ({Name(from)}); only attendance can still be corrected.",
            _ when to == Offered => "Only someone on the waiting list can be offered a seat.",
            _ when to == NoShow => "Only someone who said they would come can be marked as a no-show.",
            _ when to == NotSent => "An invitation cannot go back to not sent.",
            _ => $"An invitation cannot move from {Name(from)} to {Name(to)}.",
        };
    }

    public static string Name(RsvpStatus status) => Common.EnumNames.Of(status);

    /// <summary>States that hold a seat against the session's capacity.</summary>
    public static bool HoldsSeat(RsvpStatus status) => status is Accepted or Offered or Attended;

    /// <summary>
    /// States that count as "confirmed" wherever people are counted (the dashboard, the Teams status card, the report):
    /// they said yes and have not been recorded as absent.
    /// </summary>
    public static IReadOnlyList<RsvpStatus> Confirmed { get; } = [Accepted, Attended];

    public static bool IsConfirmed(RsvpStatus status) => status is Accepted or Attended;

    /// <summary>States in which the person has not answered yet.</summary>
    public static bool AwaitsAnswer(RsvpStatus status) => status is NotSent or Invited;
}

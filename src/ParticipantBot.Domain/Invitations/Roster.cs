using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Invitations;

/// <summary>What an answer did: the state it produced, and the seat it freed for someone waiting.</summary>
public sealed record AnswerOutcome(RsvpStatus Status, bool Changed, Invitation? SeatOfferedTo);

/// <summary>
/// Capacity and the waiting list of one session: the rules that need every invitation of the
/// session at once. Accepting a full session puts the person on the waiting list; a freed seat
/// is offered to whoever has waited longest.
/// </summary>
public sealed class Roster(Session session, IReadOnlyCollection<Invitation> invitations)
{
    public int SeatsTaken => invitations.Count(i => RsvpTransitions.HoldsSeat(i.Status));

    public int? SeatsLeft => session.Capacity is { } capacity ? Math.Max(0, capacity - SeatsTaken) : null;

    public AnswerOutcome Answer(Invitation invitation, RsvpResponse response, AnswerChannel channel, string by, DateTimeOffset at)
    {
        EnsureOpen();
        var target = response switch
        {
            RsvpResponse.Accept when RsvpTransitions.HoldsSeat(invitation.Status) => RsvpStatus.Accepted,
            RsvpResponse.Accept when invitation.Status == RsvpStatus.Waitlisted => RsvpStatus.Waitlisted,
            RsvpResponse.Accept => SeatsLeft is 0 ? RsvpStatus.Waitlisted : RsvpStatus.Accepted,
            RsvpResponse.Tentative => RsvpStatus.Tentative,
            _ => RsvpStatus.Declined,
        };
        return Move(invitation, target, channel, by, at);
    }

    /// <summary>Records a state an organiser sets (an answer by phone, attendance, a withdrawal).</summary>
    public AnswerOutcome Record(Invitation invitation, RsvpStatus status, AnswerChannel channel, string by, DateTimeOffset at, string? note = null)
    {
        if (status != RsvpStatus.Attended && status != RsvpStatus.NoShow) EnsureOpen();
        if (status == RsvpStatus.Accepted && !RsvpTransitions.HoldsSeat(invitation.Status) && SeatsLeft is 0)
            status = RsvpStatus.Waitlisted;
        return Move(invitation, status, channel, by, at, note);
    }

    /// <summary>Offers free seats to the people who waited longest (after a capacity increase, say).</summary>
    public IReadOnlyList<Invitation> OfferFreeSeats(string by, DateTimeOffset at)
    {
        var offered = new List<Invitation>();
        while (SeatsLeft is > 0 && NextWaiting() is { } next)
        {
            next.MoveTo(RsvpStatus.Offered, AnswerChannel.Organiser, by, at, "a seat became free");
            offered.Add(next);
        }
        return offered;
    }

    /// <summary>The organiser offers a free seat to this person on the waiting list, whoever has waited longest.</summary>
    public AnswerOutcome Offer(Invitation invitation, string by, DateTimeOffset at)
    {
        EnsureOpen();
        if (invitation.Status != RsvpStatus.Waitlisted) throw new DomainException("Only someone on the waiting list can be offered a seat.", "status", "offer.notWaiting");
        if (SeatsLeft is 0) throw new DomainException("No seat is free: raise the session's capacity or wait for someone to decline.", "status", "offer.noSeat");
        invitation.MoveTo(RsvpStatus.Offered, AnswerChannel.Organiser, by, at, "seat offered by the organiser");
        return new AnswerOutcome(RsvpStatus.Offered, true, invitation);
    }

    public Invitation? NextWaiting() => invitations
        .Where(i => i.Status == RsvpStatus.Waitlisted)
        .OrderBy(i => i.WaitlistedAt ?? DateTimeOffset.MaxValue)
        .ThenBy(i => i.CreatedAt)
        .FirstOrDefault();

    private AnswerOutcome Move(Invitation invitation, RsvpStatus target, AnswerChannel channel, string by, DateTimeOffset at, string? note = null)
    {
        var heldSeat = RsvpTransitions.HoldsSeat(invitation.Status);
        var changed = invitation.MoveTo(target, channel, by, at, note);
        Invitation? offered = null;
        if (changed && heldSeat && !RsvpTransitions.HoldsSeat(target) && SeatsLeft is > 0 && NextWaiting() is { } next)
        {
            next.MoveTo(RsvpStatus.Offered, channel == AnswerChannel.Organiser ? AnswerChannel.Organiser : channel, "system", at, "a seat became free");
            offered = next;
        }
        return new AnswerOutcome(invitation.Status, changed, offered);
    }

    private void EnsureOpen()
    {
        if (session.IsCancelled) throw new DomainException("The session was cancelled: its invitations no longer change.", "status", "session.cancelled");
    }
}

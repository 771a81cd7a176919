using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using static ParticipantBot.Domain.Invitations.RsvpStatus;

namespace ParticipantBot.Domain.Tests.Invitations;

public class RosterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static (Session Session, List<Invitation> Invitations, Roster Roster) Full(int capacity, int invited)
    {
        var session = Session.Create(Guid.NewGuid(), "Gouvernance", new DateTime(2026, 12, 8, 9, 30, 0), new DateTime(2026, 12, 8, 13, 0, 0), TimeZones.Default, capacity: capacity);
        var invitations = Enumerable.Range(0, invited).Select(i => Invitation.Create(session.Id, Guid.NewGuid(), Now)).ToList();
        foreach (var i in invitations) i.MoveTo(Invited, AnswerChannel.Email, "system", Now);
        return (session, invitations, new Roster(session, invitations));
    }

    [Fact]
    public void Accept_AtCapacity_PutsThePersonOnTheWaitingList()
    {
        var (_, inv, roster) = Full(capacity: 2, invited: 3);
        roster.Answer(inv[0], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        roster.Answer(inv[1], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        var outcome = roster.Answer(inv[2], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        Assert.Equal(Waitlisted, outcome.Status);
        Assert.Equal(0, roster.SeatsLeft);
    }

    [Fact]
    public void Decline_AfterAccept_FreesSeatForWaitlist()
    {
        var (_, inv, roster) = Full(capacity: 1, invited: 3);
        roster.Answer(inv[0], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        roster.Answer(inv[1], RsvpResponse.Accept, AnswerChannel.Web, "p", Now.AddMinutes(1));
        roster.Answer(inv[2], RsvpResponse.Accept, AnswerChannel.Web, "p", Now.AddMinutes(2));

        var outcome = roster.Answer(inv[0], RsvpResponse.Decline, AnswerChannel.Teams, "p", Now.AddMinutes(3));

        Assert.Equal(Declined, outcome.Status);
        Assert.Same(inv[1], outcome.SeatOfferedTo); // the first to wait is the first offered
        Assert.Equal(Offered, inv[1].Status);
        Assert.Equal(Waitlisted, inv[2].Status);
        Assert.Equal(0, roster.SeatsLeft);
    }

    [Fact]
    public void OfferedPerson_WhoAccepts_TakesTheHeldSeat()
    {
        var (_, inv, roster) = Full(capacity: 1, invited: 2);
        roster.Answer(inv[0], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        roster.Answer(inv[1], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        roster.Answer(inv[0], RsvpResponse.Decline, AnswerChannel.Web, "p", Now);
        var outcome = roster.Answer(inv[1], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        Assert.Equal(Accepted, outcome.Status);
        Assert.Null(outcome.SeatOfferedTo);
    }

    [Fact]
    public void AcceptTwice_ChangesNothingTheSecondTime()
    {
        var (_, inv, roster) = Full(capacity: 5, invited: 1);
        Assert.True(roster.Answer(inv[0], RsvpResponse.Accept, AnswerChannel.Teams, "p", Now).Changed);
        Assert.False(roster.Answer(inv[0], RsvpResponse.Accept, AnswerChannel.Teams, "p", Now).Changed);
        Assert.Equal(2, inv[0].History.Count);
    }

    [Fact]
    public void Waitlisted_AcceptingAgain_StaysWaiting()
    {
        var (_, inv, roster) = Full(capacity: 1, invited: 2);
        roster.Answer(inv[0], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        roster.Answer(inv[1], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        Assert.False(roster.Answer(inv[1], RsvpResponse.Accept, AnswerChannel.Web, "p", Now).Changed);
        Assert.Equal(Waitlisted, inv[1].Status);
    }

    [Fact]
    public void Withdrawal_ByTheOrganiser_FreesTheSeatToo()
    {
        var (_, inv, roster) = Full(capacity: 1, invited: 2);
        roster.Answer(inv[0], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        roster.Answer(inv[1], RsvpResponse.Accept, AnswerChannel.Web, "p", Now);
        var outcome = roster.Record(inv[0], Withdrawn, AnswerChannel.Organiser, "o", Now);
        Assert.Same(inv[1], outcome.SeatOfferedTo);
    }

    [Fact]
    public void OrganiserRecordingAccept_OnAFullSession_WaitlistsToo()
    {
        var (_, inv, roster) = Full(capacity: 1, invited: 2);
        roster.Record(inv[0], Accepted, AnswerChannel.Phone, "o", Now);
        Assert.Equal(Waitlisted, roster.Record(inv[1], Accepted, AnswerChannel.Phone, "o", Now).Status);
    }

    [Fact]
    public void CapacityIncrease_OffersSeatsInWaitingOrder()
    {
        var (session, inv, roster) = Full(capacity: 1, invited: 3);
        foreach (var (i, n) in inv.Select((i, n) => (i, n))) roster.Answer(i, RsvpResponse.Accept, AnswerChannel.Web, "p", Now.AddMinutes(n));
        session.SetCapacity(2);
        var offered = roster.OfferFreeSeats("o", Now.AddHours(1));
        Assert.Equal([inv[1]], offered);
    }

    [Fact]
    public void UnlimitedSession_NeverWaitlists()
    {
        var session = Session.Create(Guid.NewGuid(), "x", new DateTime(2026, 12, 8, 9, 0, 0), new DateTime(2026, 12, 8, 13, 0, 0), TimeZones.Default);
        var invitations = Enumerable.Range(0, 50).Select(_ => Invitation.Create(session.Id, Guid.NewGuid(), Now)).ToList();
        var roster = new Roster(session, invitations);
        Assert.All(invitations, i => Assert.Equal(Accepted, roster.Answer(i, RsvpResponse.Accept, AnswerChannel.Web, "p", Now).Status));
        Assert.Null(roster.SeatsLeft);
    }

    [Fact]
    public void CancelledSession_RefusesAnswers()
    {
        var (session, inv, roster) = Full(capacity: 3, invited: 1);
        session.Cancel();
        Assert.Throws<DomainException>(() => roster.Answer(inv[0], RsvpResponse.Accept, AnswerChannel.Web, "p", Now));
    }
}

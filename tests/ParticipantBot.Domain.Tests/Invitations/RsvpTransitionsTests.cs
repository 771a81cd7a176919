using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using static ParticipantBot.Domain.Invitations.RsvpStatus;

namespace ParticipantBot.Domain.Tests.Invitations;

public class RsvpTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(NotSent, Invited)]
    [InlineData(Invited, Accepted)]
    [InlineData(Accepted, Declined)]
    [InlineData(Declined, Accepted)]
    [InlineData(Waitlisted, Offered)]
    [InlineData(Offered, Accepted)]
    [InlineData(Accepted, Attended)]
    [InlineData(Attended, NoShow)]
    [InlineData(Withdrawn, Invited)]
    public void LegalMove_IsAllowed(RsvpStatus from, RsvpStatus to) => Assert.True(RsvpTransitions.CanMove(from, to));

    [Theory]
    [InlineData(Cancelled, Accepted, "cancelled")]
    [InlineData(Withdrawn, Accepted, "withdrawn")]
    [InlineData(Invited, Offered, "waiting list")]
    [InlineData(Invited, NoShow, "no-show")]
    [InlineData(Accepted, NotSent, "not sent")]
    [InlineData(Attended, Declined, "Attendance")]
    public void IllegalMove_IsRefusedWithAReason(RsvpStatus from, RsvpStatus to, string reasonMentions)
    {
        Assert.False(RsvpTransitions.CanMove(from, to));
        Assert.Contains(reasonMentions, RsvpTransitions.WhyNot(from, to));
    }

    [Fact]
    public void EveryState_HasARuleForEveryOtherState()
    {
        foreach (var from in Enum.GetValues<RsvpStatus>())
            foreach (var to in Enum.GetValues<RsvpStatus>().Where(t => t != from))
                Assert.True(RsvpTransitions.CanMove(from, to) ^ RsvpTransitions.WhyNot(from, to) is not null);
    }

    [Fact]
    public void Cancelled_IsFinal()
    {
        foreach (var to in Enum.GetValues<RsvpStatus>()) Assert.False(RsvpTransitions.CanMove(Cancelled, to));
    }

    [Fact]
    public void Invitation_RecordsEachChangeInItsHistory()
    {
        var invitation = Invitation.Create(Guid.NewGuid(), Guid.NewGuid(), Now);
        invitation.MoveTo(Invited, AnswerChannel.Email, "system", Now);
        invitation.MoveTo(Accepted, AnswerChannel.Web, "participant", Now.AddHours(1));
        Assert.Equal(Accepted, invitation.Status);
        Assert.Equal(AnswerChannel.Web, invitation.LastChannel);
        Assert.Collection(invitation.History,
            c => Assert.Equal((NotSent, Invited, AnswerChannel.Email), (c.From, c.To, c.Channel)),
            c => Assert.Equal((Invited, Accepted, AnswerChannel.Web, "participant"), (c.From, c.To, c.Channel, c.By)));
    }

    [Fact]
    public void SameAnswerTwice_ChangesNothingTheSecondTime()
    {
        var invitation = Invitation.Create(Guid.NewGuid(), Guid.NewGuid(), Now);
        Assert.True(invitation.MoveTo(Accepted, AnswerChannel.Teams, "p", Now));
        Assert.False(invitation.MoveTo(Accepted, AnswerChannel.Teams, "p", Now.AddMinutes(1)));
        Assert.Single(invitation.History);
    }

    [Fact]
    public void IllegalMove_LeavesTheInvitationAsItWas()
    {
        var invitation = Invitation.Create(Guid.NewGuid(), Guid.NewGuid(), Now);
        invitation.MoveTo(Cancelled, AnswerChannel.Organiser, "o", Now);
        var e = Assert.Throws<DomainException>(() => invitation.MoveTo(Accepted, AnswerChannel.Web, "p", Now));
        Assert.Equal("status", e.Field);
        Assert.Equal(Cancelled, invitation.Status);
        Assert.Single(invitation.History);
    }

    [Fact]
    public void Substitution_ReplacesTheParticipant_AndKeepsStateAndHistory()
    {
        var original = Guid.NewGuid();
        var delegatePerson = Guid.NewGuid();
        var invitation = Invitation.Create(Guid.NewGuid(), original, Now);
        invitation.MoveTo(Accepted, AnswerChannel.Email, "p", Now);
        invitation.Substitute(delegatePerson, "organiser-1", Now.AddDays(1));
        Assert.Equal(delegatePerson, invitation.ParticipantId);
        Assert.Equal(Accepted, invitation.Status);
        Assert.Equal(2, invitation.History.Count);
        Assert.Contains(original.ToString(), invitation.History[^1].Note);
        Assert.Equal("organiser-1", invitation.History[^1].By);
    }

    [Fact]
    public void WithdrawnInvitation_CannotBeHandedToADelegate()
    {
        var invitation = Invitation.Create(Guid.NewGuid(), Guid.NewGuid(), Now);
        invitation.MoveTo(Withdrawn, AnswerChannel.Organiser, "o", Now);
        Assert.Throws<DomainException>(() => invitation.Substitute(Guid.NewGuid(), "o", Now));
    }
}

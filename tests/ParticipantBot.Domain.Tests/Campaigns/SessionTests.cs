using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;

namespace ParticipantBot.Domain.Tests.Campaigns;

public class SessionTests
{
    private static readonly Guid Campaign = Guid.NewGuid();

    [Fact]
    public void Session_AcrossTheRamadanChange_KeepsItsWallClockTimes()
    {
        // Starts the evening before Casablanca moves to UTC+0, ends the next morning.
        var session = Session.Create(Campaign, "Veillée", new DateTime(2027, 2, 6, 20, 0, 0), new DateTime(2027, 2, 7, 10, 0, 0), TimeZones.Default);
        Assert.Equal(new DateTimeOffset(2027, 2, 6, 19, 0, 0, TimeSpan.Zero), session.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 2, 7, 10, 0, 0, TimeSpan.Zero), session.EndsAt);
        Assert.Equal(TimeSpan.FromHours(15), session.EndsAt - session.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 2, 6, 20, 0, 0, TimeSpan.FromHours(1)), session.LocalStart);
        Assert.Equal(new DateTimeOffset(2027, 2, 7, 10, 0, 0, TimeSpan.Zero), session.LocalEnd);
    }

    [Fact]
    public void Session_EndingBeforeItStarts_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Session.Create(Campaign, "x", new DateTime(2026, 12, 8, 13, 0, 0), new DateTime(2026, 12, 8, 9, 0, 0), TimeZones.Default));
        Assert.Equal("end", e.Field);
    }

    [Fact]
    public void AnswerDeadline_AfterTheStart_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Session.Create(Campaign, "x", new DateTime(2026, 12, 8, 9, 0, 0), new DateTime(2026, 12, 8, 13, 0, 0), TimeZones.Default,
            localAnswerDeadline: new DateTime(2026, 12, 9, 9, 0, 0)));
        Assert.Equal("answerDeadline", e.Field);
    }

    [Fact]
    public void MovingTimeOrVenue_RaisesTheSequence_SoCalendarsReplaceTheOldInvitation()
    {
        var session = Session.Create(Campaign, "x", new DateTime(2026, 12, 8, 9, 0, 0), new DateTime(2026, 12, 8, 13, 0, 0), TimeZones.Default, "Salle A");
        Assert.Equal(0, session.Sequence);
        session.Relocate("Salle A");
        Assert.Equal(0, session.Sequence);
        session.Relocate("Salle B");
        Assert.Equal(1, session.Sequence);
        session.Schedule(new DateTime(2026, 12, 8, 10, 0, 0), new DateTime(2026, 12, 8, 13, 0, 0), TimeZones.Default, null);
        Assert.Equal(2, session.Sequence);
    }

    [Fact]
    public void CancelledSession_CannotBeMoved()
    {
        var session = Session.Create(Campaign, "x", new DateTime(2026, 12, 8, 9, 0, 0), new DateTime(2026, 12, 8, 13, 0, 0), TimeZones.Default);
        session.Cancel();
        Assert.Throws<DomainException>(() => session.Relocate("ailleurs"));
        Assert.Equal(SessionState.Cancelled, session.State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Capacity_MustBeAPositiveNumberOfSeats(int capacity)
    {
        var e = Assert.Throws<DomainException>(() => Session.Create(Campaign, "x", new DateTime(2026, 12, 8, 9, 0, 0), new DateTime(2026, 12, 8, 13, 0, 0), TimeZones.Default, capacity: capacity));
        Assert.Equal("capacity", e.Field);
    }
}

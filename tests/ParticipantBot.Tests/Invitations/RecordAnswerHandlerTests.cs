using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Invitations;

/// <summary>The one answer path: an answer is kept with its consequences in one transaction, or not at all.</summary>
public sealed class RecordAnswerHandlerTests : IAsyncLifetime
{
    private readonly UseCases _cases = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _cases.DisposeAsync();

    private Task<Outcome<AnswerRecorded>> RecordAsync(RecordAnswer command) =>
        _cases.RunAsync<RecordAnswerHandler, Outcome<AnswerRecorded>>(h => h.HandleAsync(command, default));

    private static RecordAnswer Reply(Guid session, Participant p, RsvpResponse response, AnswerChannel channel = AnswerChannel.Web,
        DateTimeOffset? repliedAt = null, PersonStatement? details = null) =>
        new(session, p.Id, new Answer.Reply(response), channel, $"participant:{p.Id}", RepliedAt: repliedAt, Details: details);

    /// <summary>A full session of one seat: the first person accepted, the second waits.</summary>
    private async Task<(Guid Session, Participant Seated, Participant Waiting)> FullSessionAsync()
    {
        var (session, people) = await _cases.SessionAsync(2, capacity: 1);
        await _cases.RunAsync<InviteHandler, Outcome<InviteResult>>(h => h.HandleAsync(new Invite(session.Id, null, null, true, "organiser"), default));
        Assert.Equal(RsvpStatus.Accepted, (await RecordAsync(Reply(session.Id, people[0], RsvpResponse.Accept))).Value!.Outcome.Status);
        Assert.Equal(RsvpStatus.Waitlisted, (await RecordAsync(Reply(session.Id, people[1], RsvpResponse.Accept))).Value!.Outcome.Status);
        return (session.Id, people[0], people[1]);
    }

    [Fact]
    public async Task Decline_AfterAccept_FreesSeatForWaitlist_AndTellsThemInTheSameTransaction()
    {
        var (session, seated, waiting) = await FullSessionAsync();
        var declined = (await RecordAsync(Reply(session, seated, RsvpResponse.Decline))).Value!;
        Assert.Equal(waiting.Id, declined.Outcome.SeatOfferedTo!.ParticipantId);
        Assert.Equal(RsvpStatus.Offered, (await _cases.InvitationAsync(session, waiting.Id)).Status);
        var messages = await _cases.MessagesAsync(session);
        Assert.Single(messages, m => m.ParticipantId == waiting.Id && m.Kind == MessageKind.SeatOffered);
        Assert.Single(messages, m => m.ParticipantId == waiting.Id && m.Kind == MessageKind.Waitlisted);
        Assert.All(messages.Where(m => m.ParticipantId == seated.Id && m.Kind == MessageKind.Reminder), m => Assert.Equal(DeliveryStatus.Skipped, m.Status));
    }

    [Fact]
    public async Task ADeclineWhoseSeatOfferCannotBeSaved_IsNotKeptEither()
    {
        var (session, seated, waiting) = await FullSessionAsync();
        _cases.Fault.OnMessage(MessageKind.SeatOffered);
        await Assert.ThrowsAsync<InvalidOperationException>(() => RecordAsync(Reply(session, seated, RsvpResponse.Decline)));
        Assert.Equal(RsvpStatus.Accepted, (await _cases.InvitationAsync(session, seated.Id)).Status);
        Assert.Equal(RsvpStatus.Waitlisted, (await _cases.InvitationAsync(session, waiting.Id)).Status);
        Assert.DoesNotContain(await _cases.MessagesAsync(session), m => m.Kind == MessageKind.SeatOffered);
        // Given again, it goes through whole.
        await RecordAsync(Reply(session, seated, RsvpResponse.Decline));
        Assert.Equal(RsvpStatus.Offered, (await _cases.InvitationAsync(session, waiting.Id)).Status);
        Assert.Single(await _cases.MessagesAsync(session), m => m.Kind == MessageKind.SeatOffered);
    }

    [Fact]
    public async Task AReplyOnceTheSessionHasStarted_IsRefused_AndChangesNothing()
    {
        var (session, people) = await _cases.SessionAsync(1);
        await _cases.RunAsync<InviteHandler, Outcome<InviteResult>>(h => h.HandleAsync(new Invite(session.Id, null, null, true, "organiser"), default));
        _cases.Service.Clock.SetUtcNow(session.StartsAt.AddMinutes(1));
        var refused = await RecordAsync(Reply(session.Id, people[0], RsvpResponse.Accept, AnswerChannel.Teams));
        Assert.Equal((RefusalKind.Conflict, "answer.closed"), (refused.Refusal!.Kind, refused.Refusal.Code));
        Assert.Equal(RsvpStatus.NotSent, (await _cases.InvitationAsync(session.Id, people[0].Id)).Status);
        // The organiser still records attendance after the start.
        Assert.Equal(RsvpStatus.Attended, (await RecordAsync(new RecordAnswer(session.Id, people[0].Id, new Answer.CheckIn(), AnswerChannel.InPerson, "organiser"))).Value!.Outcome.Status);
    }

    [Fact]
    public async Task AnOutlookReplyOlderThanTheLastChange_ChangesNothing()
    {
        var (session, people) = await _cases.SessionAsync(1);
        await _cases.RunAsync<InviteHandler, Outcome<InviteResult>>(h => h.HandleAsync(new Invite(session.Id, null, null, true, "organiser"), default));
        await RecordAsync(Reply(session.Id, people[0], RsvpResponse.Decline));
        var old = await RecordAsync(Reply(session.Id, people[0], RsvpResponse.Accept, AnswerChannel.Outlook, repliedAt: UseCases.Now.AddHours(-1)));
        Assert.True(old.Value!.AlreadyRecorded);
        Assert.Equal(RsvpStatus.Declined, (await _cases.InvitationAsync(session.Id, people[0].Id)).Status);
        _cases.Service.Clock.Advance(TimeSpan.FromHours(1));
        var newer = await RecordAsync(Reply(session.Id, people[0], RsvpResponse.Accept, AnswerChannel.Outlook, repliedAt: _cases.Service.Clock.GetUtcNow()));
        Assert.Equal(RsvpStatus.Accepted, newer.Value!.Outcome.Status);
    }

    [Fact]
    public async Task AWebAnswer_KeepsItsNeedsOnlyWithConsent_TogetherWithTheAnswer()
    {
        var (session, people) = await _cases.SessionAsync(2);
        await _cases.RunAsync<InviteHandler, Outcome<InviteResult>>(h => h.HandleAsync(new Invite(session.Id, null, null, true, "organiser"), default));
        var needs = new Needs(Transport: true, Diet: "halal");
        await RecordAsync(Reply(session.Id, people[0], RsvpResponse.Accept, details: new PersonStatement(false, needs, null, null, null, null)));
        await RecordAsync(Reply(session.Id, people[1], RsvpResponse.Accept, details: new PersonStatement(true, needs, "AREF", null, null, null)));
        var stored = await _cases.DbAsync(db => db.Participants.AsNoTracking().Where(p => p.CampaignId == people[0].CampaignId).ToDictionaryAsync(p => p.Id));
        Assert.False(stored[people[0].Id].Needs.Transport);
        Assert.Null(stored[people[0].Id].Consent);
        Assert.Equal((true, "halal", "AREF"), (stored[people[1].Id].Needs.Transport, stored[people[1].Id].Needs.Diet, stored[people[1].Id].Organisation));
        Assert.Equal(AnswerChannel.Web, stored[people[1].Id].Consent!.Channel);
    }

    [Fact]
    public async Task SelfCheckIn_OutsideTheWindow_IsRefused_InsideItIsRecordedOnce()
    {
        var (session, people) = await _cases.SessionAsync(1);
        await _cases.DbAsync(async db =>
        {
            (await db.Sessions.SingleAsync(s => s.Id == session.Id)).AllowSelfCheckIn(true);
            await db.SaveChangesAsync();
        });
        await _cases.RunAsync<InviteHandler, Outcome<InviteResult>>(h => h.HandleAsync(new Invite(session.Id, null, null, true, "organiser"), default));
        await _cases.Service.DispatchAsync();
        var here = new RecordAnswer(session.Id, people[0].Id, new Answer.SelfCheckIn(), AnswerChannel.Teams, $"participant:{people[0].Id}");
        Assert.Equal("checkIn.closed", (await RecordAsync(here)).Refusal!.Code);
        _cases.Service.Clock.SetUtcNow(session.StartsAt.AddMinutes(-10));
        Assert.Equal(RsvpStatus.Attended, (await RecordAsync(here)).Value!.Outcome.Status);
        Assert.True((await RecordAsync(here)).Value!.AlreadyRecorded);
        Assert.Single((await _cases.InvitationAsync(session.Id, people[0].Id)).History, h => h.To == RsvpStatus.Attended);
    }
}

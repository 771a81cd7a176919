using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Invitations;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Campaigns;

/// <summary>Cancelling a session: all of it in one transaction (it used to take four saves), or nothing.</summary>
public sealed class CancelSessionHandlerTests : IAsyncLifetime
{
    private readonly UseCases _cases = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _cases.DisposeAsync();

    private Task<Outcome<Session>> CancelAsync(Guid session) =>
        _cases.RunAsync<CancelSessionHandler, Outcome<Session>>(h => h.HandleAsync(new CancelSession(session, "organiser"), default));

    private async Task<Guid> InvitedSessionAsync()
    {
        var (session, people) = await _cases.SessionAsync(3);
        await _cases.RunAsync<InviteHandler, Outcome<InviteResult>>(h => h.HandleAsync(new Invite(session.Id, null, null, true, "organiser"), default));
        await _cases.Service.DispatchAsync();
        await _cases.RunAsync<RecordAnswerHandler, Outcome<AnswerRecorded>>(h => h.HandleAsync(new RecordAnswer(session.Id, people[2].Id,
            new Answer.Record(RsvpStatus.Declined), ParticipantBot.Domain.Common.AnswerChannel.Phone, "organiser"), default));
        return session.Id;
    }

    [Fact]
    public async Task Cancel_CancelsEveryInvitation_DropsWhatWasPlanned_AndTellsThoseWhoHeldIt_InOneTransaction()
    {
        var session = await InvitedSessionAsync();
        var cancelled = (await CancelAsync(session)).Value!;
        Assert.True(cancelled.IsCancelled);
        var invitations = await _cases.DbAsync(db => db.Invitations.AsNoTracking().Where(i => i.SessionId == session).ToListAsync());
        Assert.All(invitations, i => Assert.Equal(RsvpStatus.Cancelled, i.Status));
        var messages = await _cases.MessagesAsync(session);
        Assert.DoesNotContain(messages, m => m.Status == DeliveryStatus.Planned && m.Kind != MessageKind.Cancellation);
        // The two who held the invitation are told; the one who had declined is not.
        Assert.Equal(2, messages.Count(m => m.Kind == MessageKind.Cancellation && m.Status == DeliveryStatus.Planned));
        Assert.Single(await _cases.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.SessionId == session && a.Action == ParticipantBot.Domain.Audit.AuditAction.SessionCancelled).ToListAsync()));
    }

    [Fact]
    public async Task ACancellationWhoseMessagesCannotBeSaved_LeavesTheSessionAsItWas_AndCancellingAgainSendsThem()
    {
        var session = await InvitedSessionAsync();
        _cases.Fault.OnMessage(MessageKind.Cancellation);
        await Assert.ThrowsAsync<InvalidOperationException>(() => CancelAsync(session));
        Assert.False((await _cases.DbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == session))).IsCancelled);
        Assert.DoesNotContain(await _cases.DbAsync(db => db.Invitations.AsNoTracking().Where(i => i.SessionId == session).ToListAsync()), i => i.Status == RsvpStatus.Cancelled);

        Assert.True((await CancelAsync(session)).Value!.IsCancelled);
        Assert.Equal(2, (await _cases.MessagesAsync(session)).Count(m => m.Kind == MessageKind.Cancellation));
        // Again: nothing more.
        await CancelAsync(session);
        Assert.Equal(2, (await _cases.MessagesAsync(session)).Count(m => m.Kind == MessageKind.Cancellation));
    }
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Invitations;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Invitations;

/// <summary>Invite: chunks that each hold their invitations, messages, reminders and audit entry, or nothing of them.</summary>
public sealed class InviteHandlerTests : IAsyncLifetime
{
    private readonly UseCases _cases = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _cases.DisposeAsync();

    private Task<ParticipantBot.Application.Outcome<InviteResult>> InviteAllAsync(Guid session) =>
        _cases.RunAsync<InviteHandler, ParticipantBot.Application.Outcome<InviteResult>>(h => h.HandleAsync(new Invite(session, null, null, true, "organiser"), default));

    [Fact]
    public async Task InvitingEveryone_SavesEachChunkWithItsMessagesRemindersAndAuditEntry()
    {
        var (session, people) = await _cases.SessionAsync(InviteHandler.Chunk * 2 + 100, capacity: null);
        var result = (await InviteAllAsync(session.Id)).Value!;
        Assert.Equal((people.Count, people.Count, 0), (result.Created, result.HandedToChannels, result.Repaired));
        var messages = await _cases.MessagesAsync(session.Id);
        Assert.All(people, p => Assert.Equal(
            [MessageKind.Invitation, MessageKind.Reminder, MessageKind.Reminder, MessageKind.DayBefore, MessageKind.Today],
            messages.Where(m => m.ParticipantId == p.Id).Select(m => m.Kind).Order()));
        var audit = await _cases.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.InvitationsSent).ToListAsync());
        Assert.Equal(["100 invitation(s) sent (everyone, part 3 of 3).", "500 invitation(s) sent (everyone, part 1 of 3).", "500 invitation(s) sent (everyone, part 2 of 3)."],
            audit.Select(a => a.Details).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AChunkThatCannotBeSaved_LeavesNoInvitationWithoutItsMessages_AndInvitingAgainFinishesTheRest()
    {
        var (session, people) = await _cases.SessionAsync(InviteHandler.Chunk + 200, capacity: null);
        var saves = 0;
        // The second chunk's save fails, as a crash between two chunks would leave it.
        _cases.Fault.Arm(db => db.ChangeTracker.Entries<Invitation>().Any(e => e.State == EntityState.Added) && ++saves == 2);
        await Assert.ThrowsAsync<InvalidOperationException>(() => InviteAllAsync(session.Id));

        var invitations = await _cases.DbAsync(db => db.Invitations.AsNoTracking().Where(i => i.SessionId == session.Id).ToListAsync());
        var messages = await _cases.MessagesAsync(session.Id);
        Assert.Equal(InviteHandler.Chunk, invitations.Count);
        Assert.All(invitations, i => Assert.Contains(messages, m => m.ParticipantId == i.ParticipantId && m.Kind == MessageKind.Invitation));
        Assert.Equal(invitations.Count * 5, messages.Count);

        var again = (await InviteAllAsync(session.Id)).Value!;
        Assert.Equal((200, InviteHandler.Chunk), (again.Created, again.AlreadyInvited));
        Assert.Equal(people.Count * 5, (await _cases.MessagesAsync(session.Id)).Count);
    }

    [Fact]
    public async Task InvitingAgain_PlansTheMessagesOfAnInvitationThatHasNone()
    {
        var (session, people) = await _cases.SessionAsync(2);
        // An invitation saved without its message, as an earlier version could leave it after a crash.
        await _cases.DbAsync(async db =>
        {
            db.Invitations.Add(Invitation.Create(session.Id, people[0].Id, UseCases.Now));
            await db.SaveChangesAsync();
        });
        var result = (await InviteAllAsync(session.Id)).Value!;
        Assert.Equal((1, 1, 1), (result.Created, result.AlreadyInvited, result.Repaired));
        var messages = await _cases.MessagesAsync(session.Id);
        Assert.All(people, p => Assert.Single(messages, m => m.ParticipantId == p.Id && m.Kind == MessageKind.Invitation));
        Assert.Equal(0, (await InviteAllAsync(session.Id)).Value!.Repaired);
    }

    [Fact]
    public async Task InvitingToACancelledSession_OrSomeoneNotOnTheList_IsRefused_AndWritesNothing()
    {
        var (session, people) = await _cases.SessionAsync(1);
        var unknown = await _cases.RunAsync<InviteHandler, ParticipantBot.Application.Outcome<InviteResult>>(h =>
            h.HandleAsync(new Invite(session.Id, [people[0].Id, Guid.NewGuid()], null, false, "organiser"), default));
        Assert.Equal(("participantIds", ParticipantBot.Application.RefusalKind.Invalid), (unknown.Refusal!.Field, unknown.Refusal.Kind));
        await _cases.DbAsync(async db =>
        {
            (await db.Sessions.SingleAsync(s => s.Id == session.Id)).Cancel();
            await db.SaveChangesAsync();
        });
        var cancelled = await InviteAllAsync(session.Id);
        Assert.Equal(ParticipantBot.Application.RefusalKind.Conflict, cancelled.Refusal!.Kind);
        Assert.Empty(await _cases.DbAsync(db => db.Invitations.AsNoTracking().Where(i => i.SessionId == session.Id).ToListAsync()));
        Assert.Empty(await _cases.MessagesAsync(session.Id));
    }
}

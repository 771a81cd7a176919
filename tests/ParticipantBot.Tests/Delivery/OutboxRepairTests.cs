using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Invitations;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Delivery;

/// <summary>The repair job finds what a crash or a bug left behind, puts it back once, and finds nothing on sound data.</summary>
public sealed class OutboxRepairTests : IAsyncLifetime
{
    private readonly UseCases _cases = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _cases.DisposeAsync();

    private Task<RepairReport> RepairAsync() => _cases.RunAsync<InvitationRepair, RepairReport>(r => r.RunAsync(default));

    private async Task<Guid> InvitedAsync(int people)
    {
        var (session, _) = await _cases.SessionAsync(people);
        await _cases.RunAsync<InviteHandler, Outcome<InviteResult>>(h => h.HandleAsync(new Invite(session.Id, null, null, true, "organiser"), default));
        return session.Id;
    }

    [Fact]
    public async Task OnSoundData_TheRepairFindsNothing()
    {
        await InvitedAsync(3);
        await _cases.Service.DispatchAsync();
        Assert.Equal(0, (await RepairAsync()).Total);
    }

    [Fact]
    public async Task AnInvitationWithoutItsMessages_GetsThemPlanned_Once()
    {
        var (session, people) = await _cases.SessionAsync(2);
        await _cases.DbAsync(async db =>
        {
            db.Invitations.AddRange(people.Select(p => Invitation.Create(session.Id, p.Id, UseCases.Now)));
            await db.SaveChangesAsync();
        });
        var report = await RepairAsync();
        // Their reminders come with the invitation message, as when inviting.
        Assert.Equal((2, 0), (report.InvitationsPlanned, report.RemindersPlanned));
        var messages = await _cases.MessagesAsync(session.Id);
        Assert.Equal(2, messages.Count(m => m.Kind == MessageKind.Invitation));
        Assert.Equal(8, messages.Count(m => m.Kind is MessageKind.Reminder or MessageKind.DayBefore or MessageKind.Today));
        Assert.Equal(0, (await RepairAsync()).Total);
    }

    [Fact]
    public async Task ADeliveredInvitationStillNotSent_IsMarkedInvited()
    {
        var session = await InvitedAsync(1);
        await _cases.Service.DispatchAsync();
        // As if the invitation's move had been lost after its message went.
        await _cases.DbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "Invitations" SET "Status" = 'NotSent'"""));
        Assert.Equal(1, (await RepairAsync()).InvitationsMarkedInvited);
        var invitation = await _cases.DbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.SessionId == session));
        Assert.Equal(RsvpStatus.Invited, invitation.Status);
        Assert.Contains("repaired", invitation.History[^1].Note);
    }

    [Fact]
    public async Task AnInvitationWithoutReminders_GetsThoseStillAhead()
    {
        var session = await InvitedAsync(2);
        await _cases.DbAsync(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "OutboundMessages" WHERE "Kind" <> 'Invitation'"""));
        // A week before the session: the 7-days reminder has passed, the others are still ahead.
        _cases.Service.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, (await RepairAsync()).RemindersPlanned);
        var reminders = (await _cases.MessagesAsync(session)).Where(m => m.Kind != MessageKind.Invitation).ToList();
        Assert.Equal(6, reminders.Count);
        Assert.DoesNotContain(reminders, r => r.Kind == MessageKind.Reminder && r.Sequence == 7);
        Assert.Equal(0, (await RepairAsync()).Total);
    }
}

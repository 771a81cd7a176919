using Microsoft.EntityFrameworkCore;
using ParticipantBot.Application;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Invitations;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Delivery;

/// <summary>A message a dead dispatcher left "sending" is sent again; the outbox folder never holds two copies of it.</summary>
public sealed class AtLeastOnceDeliveryTests : IAsyncLifetime
{
    private readonly UseCases _cases = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _cases.DisposeAsync();

    private MailFolder Mail => new(Path.Combine(_cases.Service.Folder, "outbox"));

    /// <summary>One invitation planned, then claimed by a process that died before saving what became of it.</summary>
    private async Task<Guid> ClaimedByADeadProcessAsync()
    {
        var (session, _) = await _cases.SessionAsync(1);
        await _cases.RunAsync<InviteHandler, Outcome<InviteResult>>(h => h.HandleAsync(new Invite(session.Id, null, null, true, "organiser"), default));
        await _cases.DbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "OutboundMessages" SET "Status" = 'Sending', "Attempts" = 1, "ClaimedBy" = 'other-host:4242:dead:1' WHERE "Kind" = 'Invitation'"""));
        return session.Id;
    }

    [Fact]
    public async Task AnEmailCutOffBeforeItWasWritten_IsWrittenOnce_AndNotFlagged()
    {
        var session = await ClaimedByADeadProcessAsync();
        await _cases.Service.DispatchAsync();
        var invitation = Assert.Single(await _cases.MessagesAsync(session), m => m.Kind == MessageKind.Invitation);
        Assert.Equal((DeliveryStatus.Sent, 1, false, 1), (invitation.Status, invitation.Interruptions, invitation.PossibleDuplicate, invitation.Attempts));
        Assert.Single(Mail.All());
    }

    [Fact]
    public async Task AnEmailWrittenJustBeforeTheCrash_IsFoundInTheFolder_AndNotWrittenAgain()
    {
        var session = await ClaimedByADeadProcessAsync();
        // The dead process had written the file: the same message, the same Message-ID.
        await _cases.DbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "OutboundMessages" SET "Status" = 'Planned' WHERE "Kind" = 'Invitation'"""));
        await _cases.Service.DispatchAsync();
        var written = Assert.Single(Mail.Files());
        await _cases.DbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "OutboundMessages" SET "Status" = 'Sending', "ClaimedBy" = 'other-host:4242:dead:1', "Uncertainty" = NULL WHERE "Kind" = 'Invitation'"""));
        await _cases.Service.DispatchAsync();
        Assert.Equal([written], Mail.Files());
        var invitation = Assert.Single(await _cases.MessagesAsync(session), m => m.Kind == MessageKind.Invitation);
        Assert.Equal((DeliveryStatus.Sent, false), (invitation.Status, invitation.PossibleDuplicate));
    }

    [Fact]
    public async Task AnOrphanTemporaryFileOfAnotherProcess_IsRemovedAtStart()
    {
        var outbox = Path.Combine(_cases.Service.Folder, "outbox");
        Directory.CreateDirectory(outbox);
        var orphan = Path.Combine(outbox, ".20261201T100000000-x@participantbot.eml.deadbeef0000.tmp");
        await File.WriteAllTextAsync(orphan, "");
        // A service started again on the folder (SQLite: the folder's only writer) removes what another process left.
        var restarted = new ClockedServiceFactory();
        restarted.Settings["Outbox:Path"] = outbox;
        await using (restarted)
        {
            _ = restarted.Server;
            await Eventually.WaitAsync(() => Task.FromResult(File.Exists(orphan)), exists => !exists, "the orphan to be removed", 20);
        }
    }
}

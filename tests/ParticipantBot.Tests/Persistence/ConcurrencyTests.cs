using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Persistence;

/// <summary>Two writers on one invitation (the dispatcher marking it invited, a person answering): neither change is lost.</summary>
public abstract class ConcurrencyTests(ServiceFactory service)
{
    [Fact]
    public async Task SecondWriterOfAnInvitation_GetsAConflict_AndRetryingKeepsBothChanges()
    {
        // The test is the only writer: no background job (the outbox repair would send this invitation, which has no message).
        service.Settings["Scheduling:DisableServer"] = "true";
        _ = service.Server;
        Guid sessionId, participantId;
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var campaign = Campaign.Create("Concurrency", "organiser", DateTimeOffset.UtcNow);
            var session = Session.Create(campaign.Id, "S", new DateTime(2026, 12, 8, 9, 0, 0), new DateTime(2026, 12, 8, 12, 0, 0), TimeZones.Default);
            var person = Participant.Create(campaign.Id, new ParticipantDetails { FullName = "Omar", Email = "omar@example.org", Group = "youth" }, DateTimeOffset.UtcNow);
            db.AddRange(campaign, session, person, Invitation.Create(session.Id, person.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            (sessionId, participantId) = (session.Id, person.Id);
        }

        await using var first = service.Services.CreateAsyncScope();
        await using var second = service.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var seenBySender = await db1.Invitations.SingleAsync(i => i.SessionId == sessionId);
        var seenByAnswer = await db2.Invitations.SingleAsync(i => i.SessionId == sessionId);

        seenByAnswer.MoveTo(RsvpStatus.Accepted, AnswerChannel.Web, "participant", DateTimeOffset.UtcNow);
        await db2.SaveChangesAsync();
        seenBySender.MoveTo(RsvpStatus.Invited, AnswerChannel.Email, "system", DateTimeOffset.UtcNow);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db1.SaveChangesAsync());

        // The sender's rule, run again on fresh data: mark invited only what was not sent.
        await db1.RetryOnConflictAsync(async () =>
        {
            var fresh = await db1.Invitations.SingleAsync(i => i.SessionId == sessionId);
            if (fresh.Status == RsvpStatus.NotSent) fresh.MoveTo(RsvpStatus.Invited, AnswerChannel.Email, "system", DateTimeOffset.UtcNow);
            await db1.SaveChangesAsync();
            return true;
        });
        await using var check = service.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<AppDbContext>().Invitations.AsNoTracking().SingleAsync(i => i.ParticipantId == participantId);
        Assert.Equal(RsvpStatus.Accepted, stored.Status);
    }
}

public sealed class ConcurrencyOnSqliteTests(ServiceFactory service) : ConcurrencyTests(service), IClassFixture<ServiceFactory>;

public sealed class ConcurrencyOnPostgresTests(PostgresServiceFactory service) : ConcurrencyTests(service), IClassFixture<PostgresServiceFactory>;

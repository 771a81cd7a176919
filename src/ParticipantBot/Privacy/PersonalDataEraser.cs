using Microsoft.EntityFrameworkCore;
using ParticipantBot.Audit;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Privacy;

/// <summary>
/// Erases personal data everywhere the service keeps it: the guest list's record (its invitations, messages,
/// Outlook events and named survey answers go with it by cascade), and what every other holder keeps
/// (<see cref="IPersonalDataHolder"/>: conversation references nobody else uses, the outbox's .eml files...).
/// Each erasure is one transaction with its audit entry; the holders forget their files before it commits, so
/// that a crash leaves the person either erased or still there to erase again, never erased in the database
/// with their emails left on disk. With SQLite, secure_delete zeroes freed pages and the write-ahead log is
/// checkpointed and truncated, so that erased bytes do not linger in the files.
/// </summary>
public sealed class PersonalDataEraser(AppDbContext db, UnitOfWork unit, ParticipantDirectory guests, CampaignDirectory campaigns,
    IEnumerable<IPersonalDataHolder> holders, IEnumerable<IRetentionCounts> retentionCounts, AuditLog audit, TimeProvider clock, ILogger<PersonalDataEraser> logger)
{
    /// <summary>A person's right to erasure: the participant and everything about them goes; the aggregates lose one person.</summary>
    /// <returns>False when the person is not on that campaign's guest list.</returns>
    public async Task<bool> EraseParticipantAsync(Guid campaignId, Guid participantId, string by, CancellationToken ct)
    {
        var erased = await unit.RunAsync(async c =>
        {
            var person = await guests.RemoveAsync(campaignId, participantId, c);
            if (person is null) return false;
            var now = clock.GetUtcNow();
            foreach (var request in await db.DataRequests.Where(r => r.ParticipantId == person.Id).ToListAsync(c)) request.Complete(now);
            foreach (var holder in holders) await holder.ForgetPeopleAsync([ErasedPerson.Of(person)], c);
            audit.RecordAs(by, campaignId, AuditAction.ParticipantErased,
                "Erased with their invitations, messages, conversation references, outbox files and named survey answers.", participantId: person.Id);
            return true;
        }, ct);
        if (!erased) return false;
        await FlushAsync(ct);
        logger.LogInformation("Participant {ParticipantId} erased.", participantId);
        return true;
    }

    /// <summary>
    /// The end of a campaign's retention period: every participant record keeps only what the counts need (group, sex,
    /// language, channel), and what the report counts by age and disability is kept as counts first
    /// (<see cref="IRetentionCounts"/>); messages, Outlook events, conversation references, outbox files, free-text
    /// survey answers and history notes go; survey answers lose their link to the person.
    /// </summary>
    public async Task EraseCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        var people = await unit.RunAsync(async c =>
        {
            var now = clock.GetUtcNow();
            // Counted before the rows lose what the counts are made of, in the same transaction.
            foreach (var counts in retentionCounts) await counts.KeepAsync(campaignId, c);
            var people = await guests.EraseCampaignAsync(campaignId, now, c);
            var sessionIds = (await campaigns.SessionsOfAsync(campaignId, c)).Select(s => s.Id).ToList();
            foreach (var holder in holders) await holder.ForgetCampaignAsync(campaignId, sessionIds, people, c);
            foreach (var request in await db.DataRequests.Where(r => r.CampaignId == campaignId).ToListAsync(c)) request.Complete(now);
            await campaigns.MarkPersonalDataErasedAsync(campaignId, now, c);
            return people.Count;
        }, ct);
        await FlushAsync(ct);
        logger.LogInformation("Campaign {CampaignId}: personal data erased at the end of its retention period ({People} people).", campaignId, people);
    }

    /// <summary>SQLite only: moves the write-ahead log into the (securely deleted) main file and empties it.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        if (db is SqliteAppDbContext) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }
}

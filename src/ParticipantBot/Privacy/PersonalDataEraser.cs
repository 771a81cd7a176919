using Microsoft.EntityFrameworkCore;
using ParticipantBot.Audit;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Privacy;

/// <summary>
/// Erases personal data everywhere the service keeps it: the database rows (through their cascades),
/// planned and sent messages, conversation references nobody else uses, the outbox's .eml files and
/// named survey answers. Each erasure is one transaction with its audit entry; the outbox files go
/// just before it commits, so that a crash leaves the person either erased or still there to erase
/// again, never erased in the database with their emails left on disk. With SQLite, secure_delete
/// zeroes freed pages and the write-ahead log is checkpointed and truncated, so that erased bytes do
/// not linger in the files.
/// </summary>
public sealed class PersonalDataEraser(AppDbContext db, UnitOfWork unit, OutboxFiles outbox, AuditLog audit, TimeProvider clock, ILogger<PersonalDataEraser> logger)
{
    /// <summary>A person's right to erasure: the participant and everything about them goes; the aggregates lose one person.</summary>
    /// <returns>False when the person is not on that campaign's guest list.</returns>
    public async Task<bool> EraseParticipantAsync(Guid campaignId, Guid participantId, string by, CancellationToken ct)
    {
        var files = await unit.RunAsync(async c =>
        {
            var person = await db.Participants.FirstOrDefaultAsync(p => p.Id == participantId && p.CampaignId == campaignId, c);
            if (person is null) return (int?)null;
            var now = clock.GetUtcNow();
            foreach (var request in await db.DataRequests.Where(r => r.ParticipantId == person.Id).ToListAsync(c)) request.Complete(now);
            // Invitations with their history, messages, Outlook events, named survey answers and the survey markers go by cascade.
            db.Participants.Remove(person);
            await ForgetConversationsAsync(person.TeamsObjectId is { } oid ? [oid] : [], [person.Id], c);
            audit.RecordAs(by, campaignId, AuditAction.ParticipantErased,
                "Erased with their invitations, messages, conversation references, outbox files and named survey answers.", participantId: person.Id);
            return outbox.DeleteAddressedTo(person.Email is { } email ? [email] : []);
        }, ct);
        if (files is null) return false;
        await FlushAsync(ct);
        logger.LogInformation("Participant {ParticipantId} erased (outbox files deleted: {Files}).", participantId, files);
        return true;
    }

    /// <summary>
    /// The end of a campaign's retention period: every participant record keeps only what the counts
    /// need (group, sex, language, channel), and the age and disability tables are kept as counts; messages, Outlook events, conversation references, outbox
    /// files, free-text survey answers and history notes go; survey answers lose their link to the person.
    /// </summary>
    public async Task EraseCampaignAsync(Guid campaignId, CancellationToken ct)
    {
        var (people, files) = await unit.RunAsync(async c =>
        {
            var campaign = await db.Campaigns.FirstAsync(x => x.Id == campaignId, c);
            var now = clock.GetUtcNow();
            // The report's tables by age band and disability survive as counts only (the rows lose both below).
            await Reporting.RetentionAggregates.KeepAsync(db, campaign, c);
            var people = await db.Participants.Where(p => p.CampaignId == campaign.Id).ToListAsync(c);
            var addresses = people.Select(p => p.Email).OfType<string>().Distinct().ToList();
            var objectIds = people.Select(p => p.TeamsObjectId).OfType<string>().Distinct().ToList();
            foreach (var person in people) person.Erase(now);

            var sessionIds = await db.Sessions.Where(s => s.CampaignId == campaign.Id).Select(s => s.Id).ToListAsync(c);
            foreach (var invitation in await db.Invitations.Where(i => sessionIds.Contains(i.SessionId)).ToListAsync(c)) invitation.ForgetNotes();
            db.OutboundMessages.RemoveRange(await db.OutboundMessages.Where(m => m.CampaignId == campaign.Id).ToListAsync(c));
            db.OutlookEvents.RemoveRange(await db.OutlookEvents.Where(o => sessionIds.Contains(o.SessionId)).ToListAsync(c));
            var surveyIds = await db.Surveys.Where(s => s.CampaignId == campaign.Id).Select(s => s.Id).ToListAsync(c);
            foreach (var response in await db.SurveyResponses.Where(r => surveyIds.Contains(r.SurveyId)).ToListAsync(c)) response.Anonymise();
            db.SurveySubmissions.RemoveRange(await db.SurveySubmissions.Where(x => surveyIds.Contains(x.SurveyId)).ToListAsync(c));
            foreach (var request in await db.DataRequests.Where(r => r.CampaignId == campaign.Id).ToListAsync(c)) request.Complete(now);
            campaign.MarkPersonalDataErased(now);
            await ForgetConversationsAsync(objectIds, people.Select(p => p.Id).ToList(), c);
            return (people.Count, outbox.DeleteAddressedTo(addresses));
        }, ct);
        await FlushAsync(ct);
        logger.LogInformation("Campaign {CampaignId}: personal data erased at the end of its retention period ({People} people, {Files} outbox files).",
            campaignId, people, files);
    }

    /// <summary>Conversation references of Teams users whom no other participant record names.</summary>
    private async Task ForgetConversationsAsync(IReadOnlyCollection<string> objectIds, IReadOnlyCollection<Guid> leaving, CancellationToken ct)
    {
        if (objectIds.Count == 0) return;
        var stillUsed = await db.Participants.Where(p => p.TeamsObjectId != null && objectIds.Contains(p.TeamsObjectId) && !leaving.Contains(p.Id))
            .Select(p => p.TeamsObjectId!).ToListAsync(ct);
        var gone = objectIds.Except(stillUsed, StringComparer.OrdinalIgnoreCase).ToList();
        db.TeamsInstallations.RemoveRange(await db.TeamsInstallations.Where(i => gone.Contains(i.UserObjectId)).ToListAsync(ct));
    }

    /// <summary>SQLite only: moves the write-ahead log into the (securely deleted) main file and empties it.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        if (db is SqliteAppDbContext) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Privacy;

/// <summary>
/// Erases personal data everywhere the service keeps it: the database rows (through their cascades),
/// planned and sent messages, conversation references nobody else uses, the outbox's .eml files and
/// named survey answers. With SQLite, secure_delete zeroes freed pages and the write-ahead log is
/// checkpointed and truncated, so that erased bytes do not linger in the files.
/// </summary>
public sealed class PersonalDataEraser(AppDbContext db, OutboxFiles outbox, TimeProvider clock, ILogger<PersonalDataEraser> logger)
{
    /// <summary>A person's right to erasure: the participant and everything about them goes; the aggregates lose one person.</summary>
    public async Task EraseParticipantAsync(Participant person, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var addresses = person.Email is { } email ? new[] { email } : [];
        var objectIds = person.TeamsObjectId is { } oid ? new[] { oid } : [];
        foreach (var request in await db.DataRequests.Where(r => r.ParticipantId == person.Id).ToListAsync(ct)) request.Complete(now);
        // Invitations with their history, messages, Outlook events, named survey answers and the survey markers go by cascade.
        db.Participants.Remove(person);
        await db.SaveChangesAsync(ct);
        await ForgetConversationsAsync(objectIds, ct);
        var files = outbox.DeleteAddressedTo(addresses);
        await FlushAsync(ct);
        logger.LogInformation("Participant {ParticipantId} erased (outbox files deleted: {Files}).", person.Id, files);
    }

    /// <summary>
    /// The end of a campaign's retention period: every participant record keeps only what the counts
    /// need (group, sex, language, channel); messages, Outlook events, conversation references, outbox
    /// files, free-text survey answers and history notes go; survey answers lose their link to the person.
    /// </summary>
    public async Task EraseCampaignAsync(Campaign campaign, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var people = await db.Participants.Where(p => p.CampaignId == campaign.Id).ToListAsync(ct);
        var addresses = people.Select(p => p.Email).OfType<string>().Distinct().ToList();
        var objectIds = people.Select(p => p.TeamsObjectId).OfType<string>().Distinct().ToList();
        foreach (var person in people) person.Erase(now);

        var sessionIds = await db.Sessions.Where(s => s.CampaignId == campaign.Id).Select(s => s.Id).ToListAsync(ct);
        foreach (var invitation in await db.Invitations.Where(i => sessionIds.Contains(i.SessionId)).ToListAsync(ct)) invitation.ForgetNotes();
        db.OutboundMessages.RemoveRange(await db.OutboundMessages.Where(m => m.CampaignId == campaign.Id).ToListAsync(ct));
        db.OutlookEvents.RemoveRange(await db.OutlookEvents.Where(o => sessionIds.Contains(o.SessionId)).ToListAsync(ct));
        var surveyIds = await db.Surveys.Where(s => s.CampaignId == campaign.Id).Select(s => s.Id).ToListAsync(ct);
        foreach (var response in await db.SurveyResponses.Where(r => surveyIds.Contains(r.SurveyId)).ToListAsync(ct)) response.Anonymise();
        db.SurveySubmissions.RemoveRange(await db.SurveySubmissions.Where(x => surveyIds.Contains(x.SurveyId)).ToListAsync(ct));
        foreach (var request in await db.DataRequests.Where(r => r.CampaignId == campaign.Id).ToListAsync(ct)) request.Complete(now);
        campaign.MarkPersonalDataErased(now);
        await db.SaveChangesAsync(ct);

        await ForgetConversationsAsync(objectIds, ct);
        var files = outbox.DeleteAddressedTo(addresses);
        await FlushAsync(ct);
        logger.LogInformation("Campaign {CampaignId}: personal data erased at the end of its retention period ({People} people, {Files} outbox files).",
            campaign.Id, people.Count, files);
    }

    /// <summary>Conversation references of Teams users whom no remaining participant record names.</summary>
    private async Task ForgetConversationsAsync(IReadOnlyCollection<string> objectIds, CancellationToken ct)
    {
        if (objectIds.Count == 0) return;
        var stillUsed = await db.Participants.Where(p => p.TeamsObjectId != null && objectIds.Contains(p.TeamsObjectId)).Select(p => p.TeamsObjectId!).ToListAsync(ct);
        var gone = objectIds.Except(stillUsed, StringComparer.OrdinalIgnoreCase).ToList();
        db.TeamsInstallations.RemoveRange(await db.TeamsInstallations.Where(i => gone.Contains(i.UserObjectId)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>SQLite only: moves the write-ahead log into the (securely deleted) main file and empties it.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        if (db is SqliteAppDbContext) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }
}

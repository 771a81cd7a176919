using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Persistence;

namespace ParticipantBot.Audit;

/// <summary>
/// Adds audit entries to the request's unit of work: they are saved by the same SaveChanges as the
/// change they describe, so there is never a change without its entry nor an entry without its change.
/// </summary>
public sealed class AuditLog(AppDbContext db, CampaignAccess access, TimeProvider clock)
{
    public void Record(Guid campaignId, AuditAction action, string details, Guid? sessionId = null, Guid? participantId = null) =>
        RecordAs(access.UserId, campaignId, action, details, sessionId, participantId);

    /// <summary>For actions that do not come through the organiser API (Teams commands), with their actor.</summary>
    public void RecordAs(string actor, Guid campaignId, AuditAction action, string details, Guid? sessionId = null, Guid? participantId = null) =>
        db.AuditEntries.Add(AuditEntry.Of(campaignId, clock.GetUtcNow(), actor, action, details, sessionId, participantId));

    /// <summary>The names of the properties of this tracked entity that the request changed, as the log shows them.</summary>
    public string Changed(object entity)
    {
        var entry = db.Entry(entity);
        var names = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties).Where(p => p.IsModified).Select(p => p.Metadata.Name))
            .Distinct().ToList();
        return names.Count == 0 ? "nothing" : string.Join(", ", names);
    }
}

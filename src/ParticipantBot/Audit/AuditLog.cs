using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Audit;

/// <summary>
/// Adds audit entries to the request's unit of work: they are saved by the same SaveChanges as the
/// change they describe, so there is never a change without its entry nor an entry without its change.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>An entry by the request's organiser.</summary>
    public void Record(Guid campaignId, AuditAction action, string details, Guid? sessionId = null, Guid? participantId = null) =>
        RecordAs((http.HttpContext?.User ?? new ClaimsPrincipal()).ObjectIdOf(), campaignId, action, details, sessionId, participantId);

    /// <summary>An entry by a given actor (a use case's, a Teams command's).</summary>
    public void RecordAs(string actor, Guid campaignId, AuditAction action, string details, Guid? sessionId = null, Guid? participantId = null) =>
        db.AuditEntries.Add(AuditEntry.Of(campaignId, clock.GetUtcNow(), actor, action, details, sessionId, participantId));

    /// <summary>A campaign's entries, newest first, before an id (paging).</summary>
    public Task<List<AuditEntry>> ReadAsync(Guid campaignId, long? before, int take, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking().Where(a => a.CampaignId == campaignId);
        if (before is { } b) query = query.Where(a => a.Id < b);
        return query.OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
    }

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

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Dashboard;

/// <summary>The read model's view of a day of answers, for the organisers' daily digest (it reads the invitations and the guest list).</summary>
public sealed class DigestQueries(AppDbContext db)
{
    /// <summary>Who moved to which state since then (by name), and who stated practical needs since then.</summary>
    public async Task<(List<(RsvpStatus To, string FullName)> Recent, List<string> Needs)> SinceAsync(
        Guid campaignId, IReadOnlyCollection<Guid> sessionIds, DateTimeOffset since, CancellationToken ct)
    {
        var changes = await (from i in db.Invitations.AsNoTracking()
                             join p in db.Participants.AsNoTracking() on i.ParticipantId equals p.Id
                             where sessionIds.Contains(i.SessionId)
                             select new { i.History, p.FullName }).ToListAsync(ct);
        var recent = changes.SelectMany(c => c.History.Where(h => h.At >= since && h.From != h.To).Select(h => (h.To, c.FullName))).ToList();
        var needs = await db.Participants.AsNoTracking()
            .Where(p => p.CampaignId == campaignId && p.UpdatedAt >= since && (p.Needs.Transport || p.Needs.Diet != null || p.Needs.Accessibility != null || p.Needs.Interpretation != null))
            .Select(p => p.FullName).ToListAsync(ct);
        return (recent, needs);
    }
}

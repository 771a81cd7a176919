using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

internal static class SessionCounts
{
    /// <summary>Invitations per session and status, counted by the database.</summary>
    public static async Task<Dictionary<Guid, Dictionary<RsvpStatus, int>>> ForAsync(AppDbContext db, IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        var rows = await db.Invitations.Where(i => sessionIds.Contains(i.SessionId))
            .GroupBy(i => new { i.SessionId, i.Status })
            .Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.SessionId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Status, r => r.Count));
    }
}

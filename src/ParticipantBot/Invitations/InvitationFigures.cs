using Microsoft.EntityFrameworkCore;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <summary>Invitations per session and state, counted by the database (for the campaign API and the organisers' commands).</summary>
public sealed class InvitationFigures(AppDbContext db) : ISessionFigures
{
    public async Task<Dictionary<Guid, Dictionary<RsvpStatus, int>>> CountsAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct)
    {
        var rows = await db.Invitations.Where(i => sessionIds.Contains(i.SessionId))
            .GroupBy(i => new { i.SessionId, i.Status })
            .Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.SessionId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Status, r => r.Count));
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

/// <summary>
/// The one place that decides what an organiser may see: the campaigns they organise. Anything
/// else answers as if it did not exist (404), so that ids reveal nothing.
/// </summary>
public sealed class CampaignAccess(AppDbContext db, IHttpContextAccessor http)
{
    public string UserId => (http.HttpContext?.User ?? new ClaimsPrincipal()).ObjectIdOf();

    public IQueryable<Campaign> VisibleCampaigns()
    {
        var user = UserId;
        return db.Campaigns.Where(c => c.Organisers.Contains(user));
    }

    public Task<Campaign?> FindCampaignAsync(Guid id, CancellationToken ct) =>
        VisibleCampaigns().FirstOrDefaultAsync(c => c.Id == id, ct);

    public async Task<(Campaign Campaign, Session Session)?> FindSessionAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return null;
        var campaign = await FindCampaignAsync(session.CampaignId, ct);
        return campaign is null ? null : (campaign, session);
    }
}

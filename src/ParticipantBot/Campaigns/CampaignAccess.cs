using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Identity;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

/// <summary>
/// The one place that decides what someone may see: the campaigns they organise, or every campaign
/// for an administrator. Anything else answers as if it did not exist (404), so that ids reveal nothing.
/// The organiser API asks it for the request's user; the Teams commands for the Teams user's object id.
/// </summary>
public sealed class CampaignAccess(AppDbContext db, IHttpContextAccessor http, IOptions<AuthOptions> auth)
{
    public string UserId => (http.HttpContext?.User ?? new ClaimsPrincipal()).ObjectIdOf();

    public bool IsAdministrator(string objectId) =>
        auth.Value.Administrators.Contains(objectId.Trim(), StringComparer.OrdinalIgnoreCase);

    public IQueryable<Campaign> VisibleCampaigns() => VisibleCampaignsFor(UserId);

    public IQueryable<Campaign> VisibleCampaignsFor(string objectId)
    {
        if (IsAdministrator(objectId)) return db.Campaigns;
        var user = objectId.Trim();
        return db.Campaigns.Where(c => c.Organisers.Contains(user));
    }

    public Task<Campaign?> FindCampaignAsync(Guid id, CancellationToken ct) =>
        VisibleCampaigns().FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<(Campaign Campaign, Session Session)?> FindSessionAsync(Guid sessionId, CancellationToken ct) =>
        FindSessionForAsync(UserId, sessionId, ct);

    public async Task<(Campaign Campaign, Session Session)?> FindSessionForAsync(string objectId, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return null;
        var campaign = await VisibleCampaignsFor(objectId).FirstOrDefaultAsync(c => c.Id == session.CampaignId, ct);
        return campaign is null ? null : (campaign, session);
    }
}

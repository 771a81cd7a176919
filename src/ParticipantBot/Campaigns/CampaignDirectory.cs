using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

/// <summary>
/// What other modules may read of campaigns and sessions (the Campaigns module owns their tables). Reads
/// are untracked: a session or campaign changes only through this module's use cases.
/// </summary>
public sealed class CampaignDirectory(AppDbContext db)
{
    public Task<Session?> SessionAsync(Guid sessionId, CancellationToken ct) =>
        db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);

    public Task<Campaign?> CampaignAsync(Guid campaignId, CancellationToken ct) =>
        db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);

    /// <summary>The session and its campaign; null when either is gone.</summary>
    public async Task<(Session Session, Campaign Campaign)?> SessionWithCampaignAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await SessionAsync(sessionId, ct);
        var campaign = session is null ? null : await CampaignAsync(session.CampaignId, ct);
        return session is null || campaign is null ? null : (session, campaign);
    }

    public Task<Dictionary<Guid, Session>> SessionsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Sessions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

    public Task<Dictionary<Guid, Campaign>> CampaignsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

    public Task<List<Session>> SessionsOfAsync(Guid campaignId, CancellationToken ct) =>
        db.Sessions.AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.StartsAt).ToListAsync(ct);

    /// <summary>Sessions not cancelled that have not ended yet.</summary>
    public Task<List<Guid>> ComingSessionIdsAsync(DateTimeOffset now, CancellationToken ct) =>
        db.Sessions.AsNoTracking().Where(s => s.State == SessionState.Scheduled && s.EndsAt > now).Select(s => s.Id).ToListAsync(ct);

    /// <summary>Sessions that end after this moment, cancelled or not.</summary>
    public Task<List<Guid>> SessionIdsEndingAfterAsync(DateTimeOffset after, CancellationToken ct) =>
        db.Sessions.AsNoTracking().Where(s => s.EndsAt >= after).Select(s => s.Id).ToListAsync(ct);

    /// <summary>Sessions not cancelled that ended in this period.</summary>
    public Task<List<Session>> EndedAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken ct) =>
        db.Sessions.AsNoTracking().Where(s => s.State == SessionState.Scheduled && s.EndsAt <= until && s.EndsAt > after).ToListAsync(ct);

    /// <summary>Sessions of these campaigns that end after this moment (the organisers' commands list them).</summary>
    public Task<List<Session>> SessionsEndingAfterAsync(IReadOnlyCollection<Guid> campaignIds, DateTimeOffset after, int take, CancellationToken ct) =>
        db.Sessions.AsNoTracking().Where(s => campaignIds.Contains(s.CampaignId) && s.EndsAt >= after).OrderBy(s => s.StartsAt).Take(take).ToListAsync(ct);

    /// <summary>Campaigns whose personal data has not been erased, with the end of their last session.</summary>
    public async Task<List<(Campaign Campaign, DateTimeOffset? LastEnd)>> CampaignsHoldingPersonalDataAsync(CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.PersonalDataErasedAt == null).ToListAsync(ct);
        var ends = await db.Sessions.GroupBy(s => s.CampaignId).Select(g => new { g.Key, Last = g.Max(s => s.EndsAt) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        return campaigns.Select(c => (c, ends.TryGetValue(c.Id, out var last) ? (DateTimeOffset?)last : null)).ToList();
    }

    /// <summary>Every campaign (the organisers' digest goes through them all).</summary>
    public Task<List<Campaign>> AllCampaignsAsync(CancellationToken ct) => db.Campaigns.AsNoTracking().ToListAsync(ct);

    /// <summary>Marks a campaign's personal data erased, inside the caller's unit of work.</summary>
    public async Task MarkPersonalDataErasedAsync(Guid campaignId, DateTimeOffset at, CancellationToken ct) =>
        (await db.Campaigns.FirstAsync(c => c.Id == campaignId, ct)).MarkPersonalDataErased(at);
}

/// <summary>Counts of invitations per session and state, for the campaign API (the Invitations module answers).</summary>
public interface ISessionFigures
{
    Task<Dictionary<Guid, Dictionary<Domain.Invitations.RsvpStatus, int>>> CountsAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct);
}

/// <summary>
/// What a session's change means for those invited to it (updates, reminders moved, cancellations), planned
/// by the module that owns the invitations, inside the change's own unit of work.
/// </summary>
public interface ISessionListener
{
    /// <param name="moved">The time or place changed (the session's sequence grew).</param>
    /// <param name="selfCheckInChanged">Self check-in was switched, or the session moved while it is on.</param>
    Task SessionChangedAsync(Session session, Campaign campaign, bool moved, bool selfCheckInChanged, CancellationToken ct);

    Task SessionCancelledAsync(Session session, string by, CancellationToken ct);

    Task ReminderPolicyChangedAsync(Session session, Campaign campaign, CancellationToken ct);
}

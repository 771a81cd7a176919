using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using ParticipantBot.Campaigns;
using ParticipantBot.Dashboard;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Persistence;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Teams;

/// <summary>
/// Once a day, each organiser gets in Teams what changed in their campaigns since the day before:
/// new answers, declines, the waiting list, new practical needs. Recorded first, so never sent twice.
/// </summary>
public sealed class OrganiserDigest(AppDbContext db, CampaignDirectory campaigns, DigestQueries changes, TeamsDirectory directory, TeamsConnector connector,
    CardFactory cards, TimeProvider clock, ILogger<OrganiserDigest> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-1);
        foreach (var campaign in await campaigns.AllCampaignsAsync(ct))
        {
            var sessions = await campaigns.SessionsOfAsync(campaign.Id, ct);
            // Only campaigns still running: a session not yet over, or one that ended since yesterday.
            if (sessions.Count == 0 || sessions.All(s => s.EndsAt < since)) continue;
            var card = await CardAsync(campaign, sessions, since, ct);
            var day = DateOnly.FromDateTime(TimeZones.ToLocal(now, campaign.TimeZoneId).DateTime);
            foreach (var organiser in campaign.Organisers)
                await SendAsync(campaign, organiser, day, card, ct);
        }
    }

    private async Task SendAsync(Campaign campaign, string organiser, DateOnly day, JsonObject card, CancellationToken ct)
    {
        if (await db.DigestRecords.AnyAsync(d => d.CampaignId == campaign.Id && d.OrganiserObjectId == organiser && d.Day == day, ct)) return;
        var installation = await directory.FindAsync(organiser, ct);
        var record = new DigestRecord { Id = Guid.NewGuid(), CampaignId = campaign.Id, OrganiserObjectId = organiser, Day = day, SentAt = clock.GetUtcNow() };
        if (installation is null)
        {
            record.Outcome = "Not sent: the organiser has not installed the app in Teams.";
            db.DigestRecords.Add(record);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("No digest for organiser {ObjectId} of campaign {CampaignId}: the app is not installed for them in Teams.", organiser, campaign.Id);
            return;
        }
        record.Outcome = "Sending";
        db.DigestRecords.Add(record);
        await db.SaveChangesAsync(ct);
        await connector.ReserveAsync(installation.ConversationId, ct);
        var outcome = await connector.SendCardAsync(installation.ServiceUrl, installation.ConversationId, card.ToJsonString(), ct);
        record.Outcome = outcome is ConnectorOutcome.Delivered ? "Sent" : $"Not sent: {outcome}";
        await db.SaveChangesAsync(ct);
    }

    private async Task<JsonObject> CardAsync(Campaign campaign, List<Session> sessions, DateTimeOffset since, CancellationToken ct)
    {
        var (recent, needs) = await changes.SinceAsync(campaign.Id, sessions.Select(s => s.Id).ToList(), since, ct);

        (string Key, RsvpStatus Status)[] kinds =
            [("Digest.Accepted", RsvpStatus.Accepted), ("Digest.Tentative", RsvpStatus.Tentative), ("Digest.Declined", RsvpStatus.Declined), ("Digest.Waitlisted", RsvpStatus.Waitlisted)];
        var counts = new List<(string, int)>();
        var lists = new List<(string, IReadOnlyList<string>)>();
        foreach (var (key, status) in kinds)
        {
            var names = recent.Where(r => r.To == status).Select(r => r.FullName).Distinct().ToList();
            if (names.Count == 0) continue;
            counts.Add((key, names.Count));
            if (status is RsvpStatus.Declined or RsvpStatus.Waitlisted) lists.Add((key, names.Take(30).ToList()));
        }
        if (needs.Count > 0)
        {
            counts.Add(("Digest.Needs", needs.Count));
            lists.Add(("Digest.Needs", needs.Take(30).ToList()));
        }
        return cards.DigestContent(campaign.DefaultLanguage, campaign.Name, TimeZones.ToLocal(since, campaign.TimeZoneId), counts, lists).Render();
    }
}

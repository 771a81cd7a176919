using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Persistence;

namespace ParticipantBot.Campaigns;

/// <summary>
/// The tables this module owns, as its code reaches them. Another module asks this module for what it needs;
/// only the read model (Dashboard) reads them directly, and the architecture test says so.
/// </summary>
public static class CampaignTables
{
    extension(AppDbContext db)
    {
        public DbSet<Campaign> Campaigns => db.Set<Campaign>();
        public DbSet<Session> Sessions => db.Set<Session>();
    }
}

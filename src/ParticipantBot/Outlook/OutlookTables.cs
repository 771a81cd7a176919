using Microsoft.EntityFrameworkCore;
using ParticipantBot.Persistence;

namespace ParticipantBot.Outlook;

/// <summary>
/// The tables this module owns, as its code reaches them. Another module asks this module for what it needs;
/// only the read model (Dashboard) reads them directly, and the architecture test says so.
/// </summary>
public static class OutlookTables
{
    extension(AppDbContext db)
    {
        public DbSet<OutlookEvent> OutlookEvents => db.Set<OutlookEvent>();
        public DbSet<GraphSubscription> GraphSubscriptions => db.Set<GraphSubscription>();
    }
}

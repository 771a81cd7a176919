using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Privacy;

/// <summary>
/// The tables this module owns, as its code reaches them. Another module asks this module for what it needs;
/// only the read model (Dashboard) reads them directly, and the architecture test says so.
/// </summary>
public static class PrivacyTables
{
    extension(AppDbContext db)
    {
        public DbSet<DataRequest> DataRequests => db.Set<DataRequest>();
    }
}

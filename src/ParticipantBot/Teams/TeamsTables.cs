using Microsoft.EntityFrameworkCore;
using ParticipantBot.Persistence;

namespace ParticipantBot.Teams;

/// <summary>
/// The tables this module owns, as its code reaches them. Another module asks this module for what it needs;
/// only the read model (Dashboard) reads them directly, and the architecture test says so.
/// </summary>
public static class TeamsTables
{
    extension(AppDbContext db)
    {
        public DbSet<TeamsInstallation> TeamsInstallations => db.Set<TeamsInstallation>();
        public DbSet<DigestRecord> DigestRecords => db.Set<DigestRecord>();
    }
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Persistence;

namespace ParticipantBot.Audit;

/// <summary>
/// The tables this module owns, as its code reaches them. Another module asks this module for what it needs;
/// only the read model (Dashboard) reads them directly, and the architecture test says so.
/// </summary>
public static class AuditTables
{
    extension(AppDbContext db)
    {
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();
    }
}

using Microsoft.EntityFrameworkCore;
using ParticipantBot.Persistence;

namespace ParticipantBot.Reporting;

/// <summary>The Reporting module's table: the counts that outlive a campaign's personal data.</summary>
public static class ReportingTables
{
    extension(AppDbContext db)
    {
        public DbSet<ParticipationCount> ParticipationCounts => db.Set<ParticipationCount>();
    }
}

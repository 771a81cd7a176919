using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Persistence;

namespace ParticipantBot.Invitations;

/// <summary>
/// The tables this module owns, as its code reaches them. Another module asks this module for what it needs;
/// only the read model (Dashboard) reads them directly, and the architecture test says so.
/// </summary>
public static class InvitationTables
{
    extension(AppDbContext db)
    {
        public DbSet<Invitation> Invitations => db.Set<Invitation>();
    }
}

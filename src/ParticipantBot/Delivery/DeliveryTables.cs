using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Persistence;

namespace ParticipantBot.Delivery;

/// <summary>
/// The tables this module owns, as its code reaches them. Another module asks this module for what it needs;
/// only the read model (Dashboard) reads them directly, and the architecture test says so.
/// </summary>
public static class DeliveryTables
{
    extension(AppDbContext db)
    {
        public DbSet<OutboundMessage> OutboundMessages => db.Set<OutboundMessage>();
    }
}

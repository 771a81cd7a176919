using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParticipantBot.Outlook;

/// <summary>The Graph change-notification subscription on the mailbox's events. Mapped by its module, which owns the table.</summary>
public sealed class GraphSubscriptionConfiguration : IEntityTypeConfiguration<GraphSubscription>
{
    public void Configure(EntityTypeBuilder<GraphSubscription> e)
    {
        e.ToTable("GraphSubscriptions");
        e.HasKey(g => g.Id);
        e.Property(g => g.SubscriptionId).HasMaxLength(200);
        e.Property(g => g.ClientState).HasMaxLength(128);
        e.Property(g => g.Resource).HasMaxLength(500);
    }
}

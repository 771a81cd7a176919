using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Delivery;

/// <summary>One message to one participant: its idempotency key makes planning it twice impossible. Mapped by its module, which owns the table.</summary>
public sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> e)
    {
        e.ToTable("OutboundMessages");
        e.HasKey(m => m.Id);
        e.HasIndex(m => m.IdempotencyKey).IsUnique();
        e.HasIndex(m => new { m.Status, m.DueAt });
        e.HasIndex(m => new { m.SessionId, m.ParticipantId });
        e.Property(m => m.IdempotencyKey).HasMaxLength(120);
        e.Property(m => m.Reason).HasMaxLength(1000);
        e.Property(m => m.ChannelMessageId).HasMaxLength(300);
        e.Property(m => m.ClaimedBy).HasMaxLength(200);
        e.Property(m => m.Uncertainty).HasMaxLength(1000);
        e.Ignore(m => m.IsFinished);
        e.HasOne<Participant>().WithMany().HasForeignKey(m => m.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

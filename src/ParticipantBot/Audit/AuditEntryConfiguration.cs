using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Audit;
using ParticipantBot.Domain.Campaigns;

namespace ParticipantBot.Audit;

/// <summary>The campaign's audit log: written once, never changed. Mapped by its module, which owns the table.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.HasKey(a => a.Id);
        e.HasIndex(a => new { a.CampaignId, a.Id });
        e.Property(a => a.Actor).HasMaxLength(128);
        e.Property(a => a.Details).HasMaxLength(1000);
        e.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

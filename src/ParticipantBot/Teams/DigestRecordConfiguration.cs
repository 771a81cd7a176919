using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;

namespace ParticipantBot.Teams;

/// <summary>An organiser's daily digest, written before it is sent so that it is never sent twice. Mapped by its module, which owns the table.</summary>
public sealed class DigestRecordConfiguration : IEntityTypeConfiguration<DigestRecord>
{
    public void Configure(EntityTypeBuilder<DigestRecord> e)
    {
        e.ToTable("DigestRecords");
        e.HasKey(d => d.Id);
        e.HasIndex(d => new { d.CampaignId, d.OrganiserObjectId, d.Day }).IsUnique();
        e.Property(d => d.OrganiserObjectId).HasMaxLength(100);
        e.Property(d => d.Outcome).HasMaxLength(500);
        e.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

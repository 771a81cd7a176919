using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;

namespace ParticipantBot.Reporting;

/// <summary>The counts that outlive a campaign's personal data: one row per cell, owned by this module.</summary>
public sealed class ParticipationCountConfiguration : IEntityTypeConfiguration<ParticipationCount>
{
    public void Configure(EntityTypeBuilder<ParticipationCount> e)
    {
        e.ToTable("ParticipationCounts");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.CampaignId, x.SessionId });
        e.Property(x => x.Stage).HasMaxLength(16);
        e.Property(x => x.Dimension).HasMaxLength(16);
        e.Property(x => x.Value).HasMaxLength(64);
        e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

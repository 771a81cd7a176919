using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Privacy;

/// <summary>A request a participant filed about their data; it outlives their erasure, without them. Mapped by its module, which owns the table.</summary>
public sealed class DataRequestConfiguration : IEntityTypeConfiguration<DataRequest>
{
    public void Configure(EntityTypeBuilder<DataRequest> e)
    {
        e.ToTable("DataRequests");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.CampaignId);
        e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // The request outlives the person's erasure, without them.
        e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.SetNull);
    }
}

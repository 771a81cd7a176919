using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;

namespace ParticipantBot.Campaigns;

/// <summary>A campaign: its organisers are a list of object ids. Mapped by its module, which owns the table.</summary>
public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.ToTable("Campaigns");
        e.HasKey(c => c.Id);
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.ContactEmail).HasMaxLength(254);
        e.Property(c => c.TimeZoneId).HasMaxLength(64);
        e.PrimitiveCollection(c => c.Organisers).HasField("_organisers").UsePropertyAccessMode(PropertyAccessMode.Field);
        // Its age bands (their lower bounds), a JSON list like its organisers.
        e.PrimitiveCollection(c => c.AgeBandBounds).HasField("_ageBandBounds").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

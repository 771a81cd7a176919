using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Reporting;

/// <summary>What the report adds to a participant: the self-reported age band and the Short Set's six answers, as columns.</summary>
public sealed class ParticipantSelfDescriptionMapping : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> e)
    {
        e.Property(p => p.AgeBand).HasMaxLength(16);
        e.Ignore(p => p.SelfDescription);
        e.Ignore(p => p.Disability);
        e.ComplexProperty(p => p.Functioning, f =>
        {
            // Answers are stored by name, like every enum of the model.
            f.Property(x => x.Seeing).HasColumnName("WgSeeing").HasConversion<string>().HasMaxLength(16);
            f.Property(x => x.Hearing).HasColumnName("WgHearing").HasConversion<string>().HasMaxLength(16);
            f.Property(x => x.Walking).HasColumnName("WgWalking").HasConversion<string>().HasMaxLength(16);
            f.Property(x => x.Remembering).HasColumnName("WgRemembering").HasConversion<string>().HasMaxLength(16);
            f.Property(x => x.SelfCare).HasColumnName("WgSelfCare").HasConversion<string>().HasMaxLength(16);
            f.Property(x => x.Communicating).HasColumnName("WgCommunicating").HasConversion<string>().HasMaxLength(16);
            f.Ignore(x => x.Answers);
            f.Ignore(x => x.Any);
            f.Ignore(x => x.Status);
        });
    }
}

/// <summary>A campaign's age bands (their lower bounds), a JSON list like its organisers.</summary>
public sealed class CampaignAgeBandsMapping : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e) =>
        e.PrimitiveCollection(c => c.AgeBandBounds).HasField("_ageBandBounds").UsePropertyAccessMode(PropertyAccessMode.Field);
}

public sealed class ParticipationCountMapping : IEntityTypeConfiguration<ParticipationCount>
{
    public void Configure(EntityTypeBuilder<ParticipationCount> e)
    {
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.CampaignId, x.SessionId });
        e.Property(x => x.Stage).HasMaxLength(16);
        e.Property(x => x.Dimension).HasMaxLength(16);
        e.Property(x => x.Value).HasMaxLength(64);
        e.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Participants;

/// <summary>A participant: needs and consent are values (records) stored as columns of the participant. Mapped by its module, which owns the table.</summary>
public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> e)
    {
        e.ToTable("Participants");
        e.HasKey(p => p.Id);
        e.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => new { p.CampaignId, p.EmailKey });
        e.HasIndex(p => new { p.CampaignId, p.TeamsObjectId });
        e.Property(p => p.FullName).HasMaxLength(200);
        e.Property(p => p.FullNameAlt).HasMaxLength(200);
        e.Property(p => p.Email).HasMaxLength(254);
        e.Property(p => p.EmailKey).HasMaxLength(254);
        e.Property(p => p.NameKey).HasMaxLength(200);
        e.Property(p => p.Group).HasMaxLength(64);
        // Needs and consent are values (records), stored as columns of the participant.
        e.ComplexProperty(p => p.Needs, n =>
        {
            n.Property(x => x.Transport).HasColumnName("NeedsTransport");
            n.Property(x => x.Diet).HasColumnName("NeedsDiet").HasMaxLength(500);
            n.Property(x => x.Accessibility).HasColumnName("NeedsAccessibility").HasMaxLength(500);
            n.Property(x => x.Interpretation).HasColumnName("NeedsInterpretation").HasMaxLength(500);
            n.Property(x => x.Other).HasColumnName("NeedsOther").HasMaxLength(2000);
            n.Ignore(x => x.Any);
        });
        e.ComplexProperty(p => p.Consent, c =>
        {
            c.Property(x => x.GivenAt).HasColumnName("ConsentGivenAt");
            c.Property(x => x.Channel).HasColumnName("ConsentChannel");
            c.Property(x => x.TextVersion).HasColumnName("ConsentTextVersion").HasMaxLength(32);
        });
        // The self-reported age band and the Short Set's six answers (the report), as columns.
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

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Invitations;

/// <summary>An invitation and its history (InvitationChanges); its version guards against lost updates. Mapped by its module, which owns the table.</summary>
public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.ToTable("Invitations");
        e.HasKey(i => i.Id);
        e.HasIndex(i => new { i.SessionId, i.ParticipantId }).IsUnique();
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasIndex(i => i.ParticipantId);
        e.HasOne<Session>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Participant>().WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        e.OwnsMany(i => i.History, h =>
        {
            h.ToTable("InvitationChanges");
            h.WithOwner().HasForeignKey("InvitationId");
            h.Property<long>("Id");
            h.HasKey("Id");
            h.Property(x => x.By).HasMaxLength(128);
            h.Property(x => x.Note).HasMaxLength(500);
        });
        e.Navigation(i => i.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Outlook;

/// <summary>One person's Outlook event for a session in the organiser mailbox. Mapped by its module, which owns the table.</summary>
public sealed class OutlookEventConfiguration : IEntityTypeConfiguration<OutlookEvent>
{
    public void Configure(EntityTypeBuilder<OutlookEvent> e)
    {
        e.ToTable("OutlookEvents");
        e.HasKey(o => o.Id);
        e.HasIndex(o => new { o.SessionId, o.ParticipantId }).IsUnique();
        e.HasIndex(o => o.EventId);
        e.Property(o => o.EventId).HasMaxLength(500);
        e.Property(o => o.TransactionId).HasMaxLength(64);
        e.Property(o => o.Response).HasMaxLength(32);
        e.HasOne<Session>().WithMany().HasForeignKey(o => o.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Participant>().WithMany().HasForeignKey(o => o.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

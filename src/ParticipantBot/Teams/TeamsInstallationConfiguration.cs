using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParticipantBot.Teams;

/// <summary>Where the bot can reach a Teams user (the conversation reference). Mapped by its module, which owns the table.</summary>
public sealed class TeamsInstallationConfiguration : IEntityTypeConfiguration<TeamsInstallation>
{
    public void Configure(EntityTypeBuilder<TeamsInstallation> e)
    {
        e.ToTable("TeamsInstallations");
        e.HasKey(i => i.Id);
        e.HasIndex(i => new { i.TenantId, i.UserObjectId }).IsUnique();
        e.HasIndex(i => i.UserObjectId);
        e.Property(i => i.TenantId).HasMaxLength(100);
        e.Property(i => i.UserObjectId).HasMaxLength(100);
        e.Property(i => i.UserId).HasMaxLength(300);
        e.Property(i => i.UserName).HasMaxLength(200);
        e.Property(i => i.Upn).HasMaxLength(254);
        e.Property(i => i.Email).HasMaxLength(254);
        e.Property(i => i.ConversationId).HasMaxLength(500);
        e.Property(i => i.ServiceUrl).HasMaxLength(500);
        e.Property(i => i.BotId).HasMaxLength(300);
        e.Property(i => i.BotName).HasMaxLength(200);
        e.Property(i => i.ChannelId).HasMaxLength(50);
        e.Property(i => i.InactiveReason).HasMaxLength(500);
        e.Property(i => i.Language).HasMaxLength(8);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;

namespace ParticipantBot.Campaigns;

/// <summary>A session: its reminder policy is a value stored as columns of the session. Mapped by its module, which owns the table.</summary>
public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.ToTable("Sessions");
        e.HasKey(s => s.Id);
        e.HasIndex(s => s.CampaignId);
        e.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.Property(s => s.Title).HasMaxLength(200);
        e.Property(s => s.TitleFr).HasMaxLength(200);
        e.Property(s => s.TitleAr).HasMaxLength(200);
        e.Property(s => s.TitleEn).HasMaxLength(200);
        e.Property(s => s.TimeZoneId).HasMaxLength(64);
        e.PrimitiveCollection(s => s.Languages).HasField("_languages").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.PrimitiveCollection(s => s.SubGroups).HasField("_subGroups").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Ignore(s => s.LocalStart);
        e.Ignore(s => s.LocalEnd);
        e.Ignore(s => s.LocalAnswerDeadline);
        e.Ignore(s => s.IsCancelled);
        e.ComplexProperty(s => s.ReminderPolicy, r =>
        {
            r.Property(x => x.FirstReminderDays).HasColumnName("ReminderFirstDays");
            r.Property(x => x.SecondReminderDays).HasColumnName("ReminderSecondDays");
            r.Property(x => x.DayBefore).HasColumnName("ReminderDayBefore");
            r.Property(x => x.SameDay).HasColumnName("ReminderSameDay");
            r.Property(x => x.SendAt).HasColumnName("ReminderSendAt");
            r.Property(x => x.SameDayAt).HasColumnName("ReminderSameDayAt");
            r.Property(x => x.QuietFrom).HasColumnName("ReminderQuietFrom");
            r.Property(x => x.QuietUntil).HasColumnName("ReminderQuietUntil");
            r.Ignore(x => x.NonResponderDays);
        });
    }
}

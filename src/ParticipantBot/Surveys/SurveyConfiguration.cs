using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Persistence;

namespace ParticipantBot.Surveys;

/// <summary>A session's survey: its questions are read and written whole (a JSON text column). Mapped by its module, which owns the table.</summary>
public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> e)
    {
        e.ToTable("Surveys");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.SessionId).IsUnique();
        e.Property(x => x.Questions).HasConversion(new JsonValueConverter<IReadOnlyList<SurveyQuestion>>(), new JsonValueComparer<IReadOnlyList<SurveyQuestion>>());
        e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

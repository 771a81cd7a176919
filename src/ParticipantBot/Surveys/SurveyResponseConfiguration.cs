using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Persistence;

namespace ParticipantBot.Surveys;

/// <summary>One submission's answers (a JSON text column); anonymous ones name no one. Mapped by its module, which owns the table.</summary>
public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> e)
    {
        e.ToTable("SurveyResponses");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.SurveyId);
        e.HasIndex(x => x.ParticipantId);
        e.Property(x => x.Group).HasMaxLength(100);
        e.Property(x => x.Answers).HasConversion(new JsonValueConverter<IReadOnlyList<SurveyAnswer>>(), new JsonValueComparer<IReadOnlyList<SurveyAnswer>>());
        e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        // A named response goes with its participant when they are erased; an anonymous one has no link to anyone.
        e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

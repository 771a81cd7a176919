using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Domain.Surveys;

namespace ParticipantBot.Surveys;

/// <summary>The marker that refuses a second submission of one person to one survey. Mapped by its module, which owns the table.</summary>
public sealed class SurveySubmissionConfiguration : IEntityTypeConfiguration<SurveySubmission>
{
    public void Configure(EntityTypeBuilder<SurveySubmission> e)
    {
        e.ToTable("SurveySubmissions");
        e.HasKey(x => new { x.SurveyId, x.ParticipantId });
        e.HasIndex(x => x.ParticipantId);
        e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

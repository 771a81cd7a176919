using Microsoft.EntityFrameworkCore;
using ParticipantBot.Domain.Surveys;
using ParticipantBot.Persistence;

namespace ParticipantBot.Surveys;

/// <summary>
/// The tables this module owns, as its code reaches them. Another module asks this module for what it needs;
/// only the read model (Dashboard) reads them directly, and the architecture test says so.
/// </summary>
public static class SurveyTables
{
    extension(AppDbContext db)
    {
        public DbSet<Survey> Surveys => db.Set<Survey>();
        public DbSet<SurveyResponse> SurveyResponses => db.Set<SurveyResponse>();
        public DbSet<SurveySubmission> SurveySubmissions => db.Set<SurveySubmission>();
    }
}

using Hangfire;

namespace ParticipantBot.Surveys;

/// <summary>Post-session surveys: the API, the web form at /survey/{token} (a Razor page), the opening job.</summary>
public static class SurveyModule
{
    public const string OpeningCron = "*/5 * * * *";

    public static IServiceCollection AddSurveys(this IServiceCollection services) =>
        services.AddScoped<SurveyService>().AddScoped<SurveyLinks>().AddTransient<SurveyOpeningJob>();

    public static WebApplication MapSurveys(this WebApplication app)
    {
        app.MapSurveyApi();
        return app;
    }

    public static void RegisterSurveyJobs(this WebApplication app, IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SurveyOpeningJob>(SurveyOpeningJob.RecurringId, j => j.RunAsync(CancellationToken.None), OpeningCron);
}

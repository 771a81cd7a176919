namespace ParticipantBot.Surveys;

/// <summary>Post-session surveys: the API, the web form at /survey/{token} (a Razor page), the opening job (in Scheduling).</summary>
public static class SurveyModule
{
    public static IServiceCollection AddSurveys(this IServiceCollection services) =>
        services.AddScoped<SurveyService>().AddScoped<SurveyLinks>().AddScoped<SurveyDirectory>()
            .AddScoped<Privacy.IPersonalDataHolder, SurveyPersonalData>();

    public static WebApplication MapSurveys(this WebApplication app)
    {
        app.MapSurveyApi();
        return app;
    }
}

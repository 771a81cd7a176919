namespace ParticipantBot.Privacy;

/// <summary>Data protection: erasure (a person's, and a campaign's at the end of its retention), a person's export, their requests.</summary>
public static class PrivacyModule
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services) =>
        services.AddScoped<PersonalDataEraser>().AddScoped<PersonalDataExport>().AddScoped<DataRequests>().AddScoped<RetentionSweep>();

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        app.MapPrivacyApi();
        return app;
    }
}

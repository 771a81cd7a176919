namespace ParticipantBot.Dashboard;

/// <summary>The organisers' dashboard: its data API, its exports and the Teams tab page at /dashboard.</summary>
public static class DashboardModule
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.AddScoped<DashboardQueries>().AddScoped<RosterQuery>().AddScoped<DigestQueries>();

    public static WebApplication MapDashboard(this WebApplication app)
    {
        // The page's script, styles and the vendored front-end packages (wwwroot): nothing comes from a CDN.
        app.UseStaticFiles();
        app.MapDashboardApi();
        return app;
    }
}

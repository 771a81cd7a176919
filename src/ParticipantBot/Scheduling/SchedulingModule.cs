using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using ParticipantBot.Delivery;
using ParticipantBot.Identity;
using ParticipantBot.Outlook;
using ParticipantBot.Persistence;

namespace ParticipantBot.Scheduling;

public static class SchedulingModule
{
    public const string AdministratorPolicy = "Administrator";

    /// <summary>On SQLite (one process), a killed process's storage locks free themselves after at most this long.</summary>
    private const int SqliteLockSeconds = 10;

    /// <summary>
    /// Hangfire on its own SQLite file by default, on PostgreSQL (schema "hangfire") when the
    /// database is PostgreSQL. The storage is built here and registered in DI, so that every host
    /// in a process (the tests run many) keeps its own.
    /// </summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var environment = builder.Environment;
        var configuration = builder.Configuration;
        services.AddSingleton<JobStorage>(sp =>
        {
            var database = sp.GetRequiredService<DatabaseDescription>();
            var poll = TimeSpan.FromMilliseconds(options.QueuePollMilliseconds);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                var postgres = new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = poll, PrepareSchemaIfNecessary = true, DistributedLockTimeout = TimeSpan.FromSeconds(options.LockSeconds) };
                return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(
                    configuration.GetConnectionString(PersistenceModule.ConnectionStringName)!, postgres), postgres);
            }
            var path = Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(environment.ContentRootPath, options.SqlitePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // A lock's holder renews it while it lives; the lifetime is how long the lock of a killed process blocks the restarted one.
            return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = poll, DistributedLockLifetime = TimeSpan.FromSeconds(Math.Min(options.LockSeconds, SqliteLockSeconds)) });
        });
        // This host's job filters (the telemetry filter with Hangfire's own), for its client and its server:
        // registered before AddHangfire, whose default is the process-wide list.
        services.AddSingleton<IJobFilterProvider, HostJobFilters>();
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!options.DisableServer)
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = options.Workers;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
                // This host's own activator: Hangfire's default one is process-wide, and with several
                // hosts in one process (the tests) a job would run on another host's services and database.
                server.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
                server.FilterProvider = sp.GetRequiredService<IJobFilterProvider>();
            });
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<OutboxRepairJob>();
        services.AddTransient<SurveyOpeningJob>();
        services.AddTransient<RetentionJob>();
        services.AddTransient<OutlookSyncJob>();
        services.AddSingleton<Outlook.IReplySyncTrigger, HangfireReplySyncTrigger>();
        services.AddSingleton<DispatchGate>();
        services.AddTransient<DigestJob>();
        services.AddSingleton<IDispatchTrigger, HangfireDispatchTrigger>();

        services.AddAuthorizationBuilder().AddPolicy(AdministratorPolicy, p => p
            .AddAuthenticationSchemes(IdentityModule.OrganiserScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
            {
                var http = context.Resource as HttpContext;
                if (environment.IsDevelopment() && http is not null && DevelopmentAuthenticationHandler.IsLoopback(http)) return true;
                var admins = http?.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Administrators ?? [];
                var objectId = context.User.FindFirst(OrganiserClaims.ObjectId)?.Value;
                return objectId is not null && admins.Contains(objectId, StringComparer.OrdinalIgnoreCase);
            }));
        return builder;
    }

    /// <summary>Every recurring job, registered in one place with a stable id.</summary>
    public static void RegisterRecurringJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(app.Services.GetRequiredService<IOptions<Configuration.AppOptions>>().Value.DefaultTimeZone);
        IRecurringJobManager jobs = new PatientRecurringJobs(app.Services.GetRequiredService<IRecurringJobManager>(),
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<PatientRecurringJobs>(), app.Lifetime.ApplicationStopping);
        jobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatchJob.RecurringId, j => j.RunAsync(CancellationToken.None), options.DispatchCron);
        jobs.AddOrUpdate<OutboxRepairJob>(OutboxRepairJob.RecurringId, j => j.RunAsync(CancellationToken.None), options.RepairCron);
        // And once now: what a crash left behind is mended at start-up, not a few minutes later.
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxRepairJob>(j => j.RunAsync(CancellationToken.None));
        jobs.AddOrUpdate<DigestJob>(DigestJob.RecurringId, j => j.RunAsync(CancellationToken.None), options.DigestCron, new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<SurveyOpeningJob>(SurveyOpeningJob.RecurringId, j => j.RunAsync(CancellationToken.None), SurveyOpeningJob.Cron);
        jobs.AddOrUpdate<RetentionJob>(RetentionJob.RecurringId, j => j.RunAsync(CancellationToken.None), RetentionJob.Cron);
        // Outlook's reply sync and subscription renewal, with stable ids (removed when Graph is not configured).
        if (Outlook.OutlookModule.IsOn(app))
        {
            var graph = app.Services.GetRequiredService<IOptions<Outlook.GraphOptions>>().Value;
            jobs.AddOrUpdate<OutlookSyncJob>(OutlookSyncJob.SyncRecurringId, j => j.SyncAllAsync(CancellationToken.None), $"*/{graph.SyncMinutes} * * * *");
            jobs.AddOrUpdate<OutlookSyncJob>(OutlookSyncJob.SubscriptionRecurringId, j => j.EnsureSubscriptionAsync(CancellationToken.None), "17 * * * *");
        }
        else
        {
            jobs.RemoveIfExists(OutlookSyncJob.SyncRecurringId);
            jobs.RemoveIfExists(OutlookSyncJob.SubscriptionRecurringId);
        }
    }

    /// <summary>/hangfire: administrators only (open in Development on loopback), read-only outside Development.</summary>
    public static void MapSchedulingDashboard(this WebApplication app)
    {
        var environment = app.Environment;
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // ASP.NET Core authorization (the policy below) decides who gets in.
            Authorization = Array.Empty<IDashboardAuthorizationFilter>(),
            IsReadOnlyFunc = _ => !environment.IsDevelopment(),
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>()).RequireAuthorization(AdministratorPolicy);
    }
}

/// <summary>Queues a dispatch run in Hangfire when messages are planned.</summary>
internal sealed class HangfireDispatchTrigger(IBackgroundJobClient jobs) : IDispatchTrigger
{
    public void Trigger() => jobs.Enqueue<OutboxDispatchJob>(j => j.RunAsync(CancellationToken.None));
}

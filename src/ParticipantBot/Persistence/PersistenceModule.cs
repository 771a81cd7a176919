using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using ParticipantBot.Configuration;

namespace ParticipantBot.Persistence;

public static class PersistenceModule
{
    public const string ConnectionStringName = "Default";

    /// <summary>SQLite in data/ by default; PostgreSQL when Database:Provider says so.</summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName)),
                "Database:Provider is Postgres but ConnectionStrings:Default is empty: give the PostgreSQL connection string.")
            .ValidateOnStart();

        var providerText = builder.Configuration[DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider)];
        if (!Enum.TryParse<DatabaseProvider>(string.IsNullOrWhiteSpace(providerText) ? nameof(DatabaseProvider.Sqlite) : providerText, ignoreCase: true, out var provider)
            || !Enum.IsDefined(provider))
            throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                [$"Database:Provider '{providerText}' is not known: use Sqlite or Postgres."]);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<PostgresAppDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
            builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString)
                ? DefaultSqlite(builder.Environment.ContentRootPath)
                : connectionString;
            builder.Services.AddDbContext<SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString)
                .AddInterceptors(SqliteSecureDelete.Instance).AddInterceptors(sp.GetServices<IInterceptor>()));
            builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }
        builder.Services.AddSingleton(new DatabaseDescription(provider, Redact(connectionString)));
        // One use case, one transaction.
        builder.Services.AddScoped<UnitOfWork>();
        // Keys in the database: signed links survive restarts and work on every instance. Outside
        // Development they are protected at rest with a certificate (Configuration/KeyProtection.cs).
        builder.Services.AddDataProtection().SetApplicationName("ParticipantBot").PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysAtRest(builder);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Health.HealthModule.Ready]);
        return builder;
    }

    /// <summary>Creates the database if needed and applies migrations, before the service takes requests.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var description = app.Services.GetRequiredService<DatabaseDescription>();
        app.Logger.LogInformation("Database: {Provider} ({Connection})", description.Provider, description.Connection);
        if (!options.MigrateOnStart) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (description.Provider == DatabaseProvider.Sqlite) await SqliteMigrationLock.MigrateAsync(db, app.Logger);
        else await db.Database.MigrateAsync();
        // Write-ahead logging: readers no longer block the dispatcher's writes, and the other way round.
        if (description.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    private static string DefaultSqlite(string contentRoot) =>
        $"Data Source={Path.Combine(contentRoot, "data", "participantbot.db")}";

    private static string Redact(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString)) return "";
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)
                        && !p.TrimStart().StartsWith("Pwd", StringComparison.OrdinalIgnoreCase));
        return string.Join(';', parts);
    }
}

public sealed record DatabaseDescription(DatabaseProvider Provider, string Connection);

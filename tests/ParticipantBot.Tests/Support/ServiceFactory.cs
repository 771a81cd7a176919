using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// The real service in memory, on a database of its own: a fresh SQLite file, or a fresh database
/// on the throwaway PostgreSQL that the test script starts.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    /// <summary>Requests carrying this header come from that address instead of loopback.</summary>
    public const string RemoteIpHeader = "X-Test-Remote-Ip";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "participantbot-tests", Guid.NewGuid().ToString("N"));

    public ServiceFactory() : this("Sqlite") { }

    protected ServiceFactory(string provider)
    {
        Provider = provider;
        Directory.CreateDirectory(_folder);
        ConnectionString = provider == "Postgres"
            ? PostgresServer.NewDatabase()
            : $"Data Source={Path.Combine(_folder, "participantbot.db")}";
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public string Folder => _folder;
    public string EnvironmentName { get; init; } = "Development";
    public Dictionary<string, string?> Settings { get; } = new();
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The service's clock: a fixed start that runs on, never the wall clock's date (see <see cref="TestClock"/>).</summary>
    public virtual TimeProvider Time { get; } = new TestClock();

    /// <summary>The running test clock, for tests that move it.</summary>
    public TestClock Clock => Time as TestClock ?? throw new InvalidOperationException("This service runs on another clock.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseContentRoot(_folder);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Outbox:Path", Path.Combine(_folder, "outbox"));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new RemoteAddressFilter());
            services.AddSingleton(Time);
            TestServices?.Invoke(services);
        });
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }

    public HttpClient ClientAs(string objectId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Dev-User", objectId);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The in-memory server has no client address: requests come from loopback unless a test says otherwise.</summary>
    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var given = context.Request.Headers[RemoteIpHeader].ToString();
                context.Connection.RemoteIpAddress = given.Length > 0 ? IPAddress.Parse(given) : IPAddress.Loopback;
                await nextMiddleware();
            });
            next(app);
        };
    }
}

public sealed class PostgresServiceFactory() : ServiceFactory("Postgres");

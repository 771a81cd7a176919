using System.Net;
using Microsoft.Extensions.Options;

namespace ParticipantBot.Configuration;

/// <summary>Problems found while the modules are registered, reported at start with every other one.</summary>
public sealed class StartupProblems
{
    private readonly List<string> _items = [];

    public IReadOnlyList<string> Items { get { lock (_items) return [.. _items]; } }

    public void Add(string problem) { lock (_items) _items.Add(problem); }

    /// <summary>The one list of this host (registered as a singleton instance the first time).</summary>
    public static StartupProblems Of(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(StartupProblems))?.ImplementationInstance is StartupProblems existing) return existing;
        var problems = new StartupProblems();
        services.AddSingleton(problems);
        return problems;
    }
}

/// <summary>Start-up refused: the message names every missing or contradictory setting at once.</summary>
public sealed class SettingsException(string message) : Exception(message);

/// <summary>
/// Every setting checked at once, before the database is touched: the options' own rules (each
/// module's ValidateOnStart), the problems found while registering modules, and what a production
/// host needs (outside Development). One message names them all.
/// </summary>
public static class SettingsCheck
{
    /// <summary>A placeholder of the embedded defaults that must not reach participants.</summary>
    private const string PlaceholderDomain = "localhost.localdomain";

    public static void CheckSettings(this WebApplication app)
    {
        var problems = new List<string>();
        problems.AddRange(app.Services.GetService<StartupProblems>()?.Items ?? []);
        if (!app.Environment.IsDevelopment()) problems.AddRange(ProductionProblems(app.Configuration));
        problems.AddRange(ContradictionProblems(app.Configuration));
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            problems.AddRange(e.Failures);
        }
        catch (AggregateException e)
        {
            foreach (var inner in e.Flatten().InnerExceptions)
                if (inner is OptionsValidationException o) problems.AddRange(o.Failures);
                else problems.Add(inner.Message);
        }
        problems = problems.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList();
        if (problems.Count == 0) return;
        var message = Message(app.Environment.EnvironmentName, problems);
        app.Logger.LogCritical("{Problems}", message);
        throw new SettingsException(message);
    }

    public static string Message(string environment, IReadOnlyList<string> problems) =>
        $"ParticipantBot cannot start ({environment}): {problems.Count} setting{(problems.Count == 1 ? " is" : "s are")} missing or contradictory. "
        + "Give settings as environment variables (Section__Key, e.g. Auth__TenantId) or in a secret store; appsettings.template.json describes each."
        + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));

    /// <summary>What a production host needs beyond the embedded defaults (which serve a developer's machine).</summary>
    internal static IEnumerable<string> ProductionProblems(IConfiguration configuration)
    {
        var baseUrl = configuration["App:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
            yield return "App:PublicBaseUrl is required outside Development: the public https address participants open their links at (e.g. https://participantbot.agency.example.org).";
        else if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            if (uri.Scheme != Uri.UriSchemeHttps)
                yield return $"App:PublicBaseUrl must be https outside Development ('{baseUrl}'): participants' links carry their invitation.";
            else if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip))
                yield return $"App:PublicBaseUrl '{baseUrl}' is this machine's own address: participants cannot open it.";
        }
        if (string.IsNullOrWhiteSpace(configuration["Bot:MicrosoftAppId"]))
            yield return "Bot:MicrosoftAppId is required outside Development: the Azure Bot's app id (with Bot:MicrosoftAppPassword, or Bot:MicrosoftAppType=UserAssignedMSI), without which Teams cannot reach the bot.";
        foreach (var key in new[] { "Email:FromAddress", "Email:Contact" })
        {
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value) || value.Contains(PlaceholderDomain, StringComparison.OrdinalIgnoreCase))
                yield return $"{key} is required outside Development: {(key == "Email:FromAddress" ? "the organiser mailbox every invitation comes from" : "whom participants may ask (shown on expired links and in the consent statement)")}.";
        }
    }

    /// <summary>Settings that contradict each other, in any environment.</summary>
    internal static IEnumerable<string> ContradictionProblems(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        var connection = configuration.GetConnectionString("Default") ?? "";
        var sqlite = string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);
        if (sqlite && (connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) || connection.Contains("Server=", StringComparison.OrdinalIgnoreCase)))
            yield return "ConnectionStrings:Default names a database server (Host=...) but Database:Provider is Sqlite: set Database:Provider=Postgres.";
        if (!sqlite && connection.Contains("Data Source=", StringComparison.OrdinalIgnoreCase) && connection.Contains(".db", StringComparison.OrdinalIgnoreCase))
            yield return "ConnectionStrings:Default is a SQLite file but Database:Provider is Postgres: give the PostgreSQL connection string (Host=...;Database=...).";
    }
}

using System.ComponentModel.DataAnnotations;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Participants;

namespace ParticipantBot.Configuration;

/// <summary>General settings (App section).</summary>
public sealed class AppOptions : IValidatableObject
{
    public const string Section = "App";

    /// <summary>Absolute base URL under which participants open their links (RSVP, surveys).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>Zone of new campaigns and sessions when none is given.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = TimeZones.Default;

    /// <summary>The stakeholder groups participants are counted by.</summary>
    public List<string> StakeholderGroups { get; set; } = [.. Domain.Participants.StakeholderGroups.Defaults];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            yield return new ValidationResult($"App:PublicBaseUrl must be an absolute http(s) URL; '{PublicBaseUrl}' is not.", [nameof(PublicBaseUrl)]);
        if (!TimeZones.TryFind(DefaultTimeZone, out _))
            yield return new ValidationResult($"App:DefaultTimeZone '{DefaultTimeZone}' is not a known IANA time zone.", [nameof(DefaultTimeZone)]);
        if (StakeholderGroups.Count == 0 || StakeholderGroups.Any(string.IsNullOrWhiteSpace))
            yield return new ValidationResult("App:StakeholderGroups must list at least one non-empty group.", [nameof(StakeholderGroups)]);
    }

    /// <summary>The configured group a value names, by its name or a French or Arabic word for a default group.</summary>
    public string? FindGroup(string? value)
    {
        var key = GroupKey(value);
        if (key.Length == 0) return null;
        if (GroupAliases.TryGetValue(key, out var alias)) key = GroupKey(alias);
        return StakeholderGroups.FirstOrDefault(g => GroupKey(g) == key);
    }

    private static readonly Dictionary<string, string> GroupAliases = new Dictionary<string, string>
    {
        ["institution publique"] = "publicInstitution", ["institutions publiques"] = "publicInstitution", ["institution"] = "publicInstitution",
        ["public institution"] = "publicInstitution", ["مؤسسة عمومية"] = "publicInstitution",
        ["société civile"] = "civilSociety", ["ong"] = "civilSociety", ["ngo"] = "civilSociety", ["المجتمع المدني"] = "civilSociety",
        ["jeunes"] = "youth", ["jeunesse"] = "youth", ["jeune"] = "youth", ["الشباب"] = "youth",
        ["migrants"] = "migrant", ["migrante"] = "migrant", ["migrantes"] = "migrant", ["المهاجرون"] = "migrant", ["مهاجر"] = "migrant",
        ["communauté"] = "community", ["communautaire"] = "community", ["acteurs communautaires"] = "community", ["المجتمع المحلي"] = "community",
        ["experts"] = "expert", ["experte"] = "expert", ["expertes"] = "expert", ["خبير"] = "expert",
        ["autre"] = "other", ["autres"] = "other", ["أخرى"] = "other",
    }.ToDictionary(kv => GroupKey(kv.Key), kv => kv.Value);

    private static string GroupKey(string? value) =>
        new(Text.Key(value).Where(char.IsLetterOrDigit).ToArray());
}

/// <summary>Where emails are written when no mail service is configured (Outbox section).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Required]
    public string Path { get; set; } = "data/outbox";

    /// <summary>The folder itself: a relative path is under the content root.</summary>
    public string FolderIn(string contentRoot) => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(contentRoot, Path);
}

public static class ConfigurationModule
{
    public static WebApplicationBuilder AddAppOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}

public static class StartupLog
{
    /// <summary>Says at start what the service uses, so that a newcomer sees where things go.</summary>
    public static void LogSettings(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AppOptions>>().Value;
        var outbox = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value;
        app.Logger.LogInformation("Environment {Environment}; public base URL {PublicBaseUrl}; outbox folder {Outbox}; default time zone {Zone}",
            app.Environment.EnvironmentName, options.PublicBaseUrl, System.IO.Path.Combine(app.Environment.ContentRootPath, outbox.Path), options.DefaultTimeZone);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Deploy;

/// <summary>
/// The container image definition and the compose file, checked without a container engine (none is
/// reachable here): what they build from exists, the image runs as a non-root user with a health check,
/// and the compose file gives both instances every setting a production start requires. The image's
/// behaviour itself (the published app in Production from environment variables) is
/// <see cref="TwoInstanceProductionTests"/>; its HEALTHCHECK command runs there against a real instance.
/// </summary>
public sealed class ContainerDefinitionTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepositoryPaths.Combine("deploy", "Dockerfile"));

    /// <summary>The HEALTHCHECK's command (exec form), as the engine would run it.</summary>
    public static string[] HealthCheck()
    {
        var joined = Dockerfile.Replace("\\\n", " ");
        var json = Regex.Match(joined, @"^HEALTHCHECK .*? CMD (\[.*\])\s*$", RegexOptions.Multiline).Groups[1].Value;
        return JsonSerializer.Deserialize<string[]>(json)!;
    }

    [Fact]
    public void Image_IsMultiStage_RunsAsNonRoot_WithAHealthCheck()
    {
        var stages = Regex.Matches(Dockerfile, @"^FROM (\S+)( AS (\S+))?", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], stages);
        var final = Dockerfile[Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        Assert.Matches(@"\nUSER \$APP_UID\n", final);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", final);
        Assert.Equal("bash", HealthCheck()[0]);
        Assert.Contains("/healthz/live", HealthCheck()[^1]);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"ParticipantBot.dll\"]", final);
        Assert.DoesNotContain(".pfx", Dockerfile); // the certificate is mounted, never built in
        // The report's charts need Noto Sans (Latin and Arabic) where ReportCharts looks for it.
        Assert.Contains("fonts-noto-core", final);
        Assert.Equal("/usr/share/fonts/truetype/noto", ParticipantBot.Reporting.ReportCharts.DefaultFontDirectory);
    }

    [Fact]
    public void EveryFileTheImageCopies_Exists()
    {
        foreach (Match copy in Regex.Matches(Dockerfile, @"^COPY (?!--from)(.+) (\S+)$", RegexOptions.Multiline))
            foreach (var source in copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                Assert.True(File.Exists(RepositoryPaths.Combine(source)) || Directory.Exists(RepositoryPaths.Combine(source)), $"COPY {source}: not in the repository");
        var ignored = File.ReadAllLines(RepositoryPaths.Combine(".dockerignore"));
        Assert.Contains("*.pfx", ignored);
        Assert.Contains("**/bin/", ignored);
    }

    [Fact]
    public void Compose_RunsPostgresAndTwoInstances_WithEveryRequiredSetting()
    {
        var compose = File.ReadAllText(RepositoryPaths.Combine("deploy", "compose.yaml"));
        var example = File.ReadAllText(RepositoryPaths.Combine("deploy", "compose.env.example"));
        Assert.Contains("image: postgres:16", compose);
        Assert.Contains("participantbot-1:", compose);
        Assert.Contains("participantbot-2:", compose);
        Assert.Contains("dockerfile: deploy/Dockerfile", compose);
        foreach (var setting in ProductionSettings.For(Path.GetTempPath()).Keys.Select(k => k.Replace(":", "__")))
            Assert.True(compose.Contains(setting + ":") || example.Contains(setting + "="), $"neither compose.yaml nor compose.env.example sets {setting}");
        Assert.Contains("Database__Provider: Postgres", compose);
        // Secrets stay out of git: the filled-in settings and the certificate are ignored.
        var gitignore = File.ReadAllText(RepositoryPaths.Combine(".gitignore"));
        Assert.Contains("deploy/compose.env", gitignore);
        Assert.Contains("deploy/secrets/", gitignore);
    }
}

using System.Text.RegularExpressions;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Dashboard;

/// <summary>
/// The dashboard's front-end packages are served from wwwroot/lib, copied from the packages the
/// committed lock file installs (./test.sh installs them): the copies must be exactly those packages,
/// and the page must load nothing from another host.
/// </summary>
public sealed class VendoredPackagesTests
{
    private static readonly string Web = RepositoryPaths.Combine("src", "ParticipantBot", "Dashboard", "web", "node_modules");
    private static readonly string Lib = RepositoryPaths.Combine("src", "ParticipantBot", "wwwroot", "lib");

    public static TheoryData<string, string> Copies()
    {
        var data = new TheoryData<string, string>
        {
            { "fluentui-web-components/web-components-all.min.js", "@fluentui/web-components/dist/web-components-all.min.js" },
            { "teams-js/MicrosoftTeams.min.js", "@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js" },
            { "adaptivecards/adaptivecards.min.js", "adaptivecards/dist/adaptivecards.min.js" },
        };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Lib, "fluentui-tokens", "lib"), "*.js", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(Lib, "fluentui-tokens"), file).Replace('\\', '/');
            data.Add("fluentui-tokens/" + relative, "@fluentui/tokens/" + relative);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Copies))]
    public void VendoredFile_EqualsTheLockedPackagesFile(string vendored, string package)
    {
        var source = Path.Combine(Web, package);
        Assert.True(File.Exists(source), $"{source} is missing: run scripts/vendor-dashboard.sh --install-only (./test.sh does).");
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(Path.Combine(Lib, vendored)));
    }

    [Fact]
    public void LockedVersions_AreTheOnesInPackageJson()
    {
        var lockFile = File.ReadAllText(RepositoryPaths.Combine("src", "ParticipantBot", "Dashboard", "web", "package-lock.json"));
        Assert.Contains("\"node_modules/@fluentui/web-components\": {\n      \"version\": \"3.1.3\"", lockFile);
        Assert.Contains("\"node_modules/@microsoft/teams-js\": {\n      \"version\": \"2.58.0\"", lockFile);
    }

    [Fact]
    public async Task DashboardPage_LoadsScriptsAndStylesFromItsOwnHostOnly()
    {
        using var service = new ServiceFactory();
        var html = await service.CreateClient().GetStringAsync("/dashboard?lang=en");
        var sources = Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Where(v => !v.StartsWith('?')).ToList();
        Assert.NotEmpty(sources);
        // Its own paths, an in-page anchor (the skip link) or an empty data: icon (so that no favicon is asked for).
        Assert.All(sources, s => Assert.True(s.StartsWith('/') || s.StartsWith('#') || s == "data:,", s));
        var script = File.ReadAllText(RepositoryPaths.Combine("src", "ParticipantBot", "wwwroot", "dashboard", "dashboard.js"));
        Assert.DoesNotMatch("from ['\"]https?:", script);
    }
}

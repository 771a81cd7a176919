using System.Text.Json.Nodes;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Manifest;

/// <summary>The Teams app package is checked against Microsoft's schema of its own version, offline.</summary>
public class ManifestTests
{
    private static readonly string Validator = RepositoryPaths.Combine("tests", "tools", "validate-manifest.mjs");

    private static (int ExitCode, string Output) Validate(string manifestPath)
    {
        Assert.True(Directory.Exists(RepositoryPaths.Combine("tests", "tools", "node_modules", "@microsoft", "app-manifest")),
            "The Node tools are not installed: run ./test.sh (or tests/tools/install.sh).");
        return ProcessRunner.Run("node", $"\"{Validator}\" \"{manifestPath}\"");
    }

    [Fact]
    public void Manifest_IsValidAgainstTheSchemaOfItsVersion()
    {
        var (exit, output) = Validate(RepositoryPaths.Combine("manifest", "manifest.json"));
        Assert.True(exit == 0, output);
        Assert.Contains("valid", output);
    }

    [Fact]
    public void BrokenManifest_IsCaughtByTheSameCheck()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("manifest", "manifest.json")))!;
        manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "everywhere");
        manifest.AsObject().Remove("icons");
        var path = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, manifest.ToJsonString());
        try
        {
            var (exit, output) = Validate(path);
            Assert.Equal(1, exit);
            Assert.Contains("icons", output);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Manifest_HasABotForPersonalTeamAndGroupChat_WithItsCommands_AndBothIcons()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("manifest", "manifest.json")))!;
        var bot = manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => c!["title"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "help", "my invitations", "language", "stop", "status", "remind" }, commands);
        AssertPng(RepositoryPaths.Combine("manifest", manifest["icons"]!["color"]!.GetValue<string>()), 192);
        AssertPng(RepositoryPaths.Combine("manifest", manifest["icons"]!["outline"]!.GetValue<string>()), 32);
    }

    [Fact]
    public void BuildScript_WritesTheZipAnAdministratorUploads()
    {
        var (exit, output) = ProcessRunner.Run("bash", "manifest/build.sh --bot-id 6d1f0e4c-2b7a-4c55-8f0e-9a3b1c2d4e5f --host bot.example.org --client-id 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        Assert.True(exit == 0, output);
        using var zip = System.IO.Compression.ZipFile.OpenRead(RepositoryPaths.Combine("manifest", "build", "ParticipantBot.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        Assert.Equal("6d1f0e4c-2b7a-4c55-8f0e-9a3b1c2d4e5f", manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("bot.example.org", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal("api://bot.example.org/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Equal("https://bot.example.org/dashboard", manifest["staticTabs"]![0]!["contentUrl"]!.GetValue<string>());
        Assert.Equal("https://bot.example.org/dashboard/configure", manifest["configurableTabs"]![0]!["configurationUrl"]!.GetValue<string>());
    }

    [Fact]
    public void Manifest_HasTheDashboardAsPersonalTab_AndAsConfigurableChannelTab_ServedByTheService()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("manifest", "manifest.json")))!;
        var personal = manifest["staticTabs"]!.AsArray().Single()!;
        Assert.Equal(["personal"], personal["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("/dashboard", new Uri(personal["contentUrl"]!.GetValue<string>()).AbsolutePath);
        var channel = manifest["configurableTabs"]!.AsArray().Single()!;
        Assert.Equal(["team", "groupChat"], channel["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("/dashboard/configure", new Uri(channel["configurationUrl"]!.GetValue<string>()).AbsolutePath);
    }

    private static void AssertPng(string path, int size)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.Equal((size, size), (width, height));
    }
}

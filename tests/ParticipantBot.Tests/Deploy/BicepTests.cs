using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Deploy;

/// <summary>
/// deploy/main.bicep compiles and lints clean with the Bicep CLI (the NuGet tool package, fetched by the
/// test project's PackageDownload), sets every setting a production start-up requires, and its outputs
/// are what manifest/build.sh reads. Deploying it needs Azure: not done here.
/// </summary>
public sealed class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
    private static readonly string Main = RepositoryPaths.Combine("deploy", "main.bicep");

    private static (int ExitCode, string Output) RunBicep(string arguments, IDictionary<string, string>? environment = null)
    {
        Assert.True(File.Exists(Bicep), $"The Bicep CLI is not at {Bicep}: restore the test project (its PackageDownload of Azure.Bicep.CommandLine.linux-x64).");
        var info = new ProcessStartInfo(Bicep, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        // No telemetry, no update check: nothing leaves this machine.
        info.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(Bicep) & UnixFileMode.UserExecute) == 0)
            File.SetUnixFileMode(Bicep, File.GetUnixFileMode(Bicep) | UnixFileMode.UserExecute);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "bicep " + arguments + " did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static JsonNode Compiled()
    {
        var output = Path.Combine(Path.GetTempPath(), $"participantbot-main-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, text) = RunBicep($"build \"{Main}\" --outfile \"{output}\"");
            Assert.True(exit == 0, text);
            return JsonNode.Parse(File.ReadAllText(output))!;
        }
        finally { File.Delete(output); }
    }

    private static IEnumerable<JsonNode> Resources(JsonNode template) =>
        template["resources"] is JsonArray array ? array.Select(r => r!) : template["resources"]!.AsObject().Select(kv => kv.Value!);

    [Fact]
    public void MainBicep_Compiles_AndLints_WithNoErrorAndNoWarning()
    {
        var (buildExit, build) = RunBicep($"build \"{Main}\" --stdout");
        Assert.True(buildExit == 0, build);
        var (lintExit, lint) = RunBicep($"lint \"{Main}\"");
        Assert.True(lintExit == 0, lint);
        foreach (var output in new[] { build, lint })
        {
            Assert.DoesNotContain(": Warning ", output);
            Assert.DoesNotContain(": Error ", output);
        }
        Assert.True(lint.Trim().Length == 0, "the linter said: " + lint);
    }

    [Fact]
    public void ParametersFile_Compiles_WithThePasswordFromTheEnvironmentOnly()
    {
        var parameters = RepositoryPaths.Combine("deploy", "main.bicepparam");
        Assert.All(File.ReadAllLines(parameters).Where(l => l.StartsWith("param ") && l.Contains("Password", StringComparison.OrdinalIgnoreCase)),
            l => Assert.Contains("readEnvironmentVariable(", l));
        var (exit, output) = RunBicep($"build-params \"{parameters}\" --stdout", new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "from-the-environment" });
        Assert.True(exit == 0, output);
        Assert.DoesNotContain(": Warning ", output);
        var (lintExit, lint) = RunBicep($"lint \"{parameters}\"");
        Assert.True(lintExit == 0 && lint.Trim().Length == 0, lint);
    }

    [Fact]
    public void Template_HasEveryPieceOfTheDeployment()
    {
        var template = Compiled();
        var types = Resources(template).Select(r => r["type"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Superset(new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Microsoft.Web/serverfarms", "Microsoft.Web/sites", "Microsoft.Web/sites/config",
            "Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.DBforPostgreSQL/flexibleServers/databases",
            "Microsoft.BotService/botServices", "Microsoft.BotService/botServices/channels",
            "Microsoft.KeyVault/vaults", "Microsoft.KeyVault/vaults/secrets",
            "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Insights/components", "Microsoft.Authorization/roleAssignments",
        }, types);

        var bot = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.BotService/botServices");
        Assert.Equal("UserAssignedMSI", bot["properties"]!["msaAppType"]!.GetValue<string>()); // no multi-tenant bot, no bot secret
        var site = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites");
        Assert.Equal("DOTNETCORE|10.0", site["properties"]!["siteConfig"]!["linuxFxVersion"]!.GetValue<string>());
        Assert.Equal("/healthz/ready", site["properties"]!["siteConfig"]!["healthCheckPath"]!.GetValue<string>());
        Assert.True(site["properties"]!["httpsOnly"]!.GetValue<bool>());
        var vault = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.KeyVault/vaults");
        Assert.True(vault["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
    }

    [Fact]
    public void Template_GivesTheAppEverySettingAProductionStartRequires_AndNoSecretInClear()
    {
        var template = Compiled();
        var properties = Resources(template).Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites/config")["properties"]!;
        var settings = properties is JsonValue expression ? expression.GetValue<string>() : properties.ToJsonString();
        foreach (var name in new[]
                 {
                     "ASPNETCORE_ENVIRONMENT", "App__PublicBaseUrl", "Database__Provider", "ConnectionStrings__Default", "Auth__TenantId", "Auth__ClientId",
                     "Bot__MicrosoftAppType", "Bot__MicrosoftAppId", "Bot__MicrosoftAppTenantId", "Email__FromAddress", "Email__Contact",
                     "DataProtection__KeyVaultUri", "DataProtection__KeyVaultCertificateName", "APPLICATIONINSIGHTS_CONNECTION_STRING",
                 })
            Assert.Contains($"'{name}'", settings);
        // The connection string (with the database password) is a Key Vault reference, not a value.
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings);
        Assert.DoesNotContain("postgresAdministratorPassword", settings);
        Assert.Equal("securestring", template["parameters"]!["postgresAdministratorPassword"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain(template["outputs"]!.AsObject(), o => o.Key.Contains("password", StringComparison.OrdinalIgnoreCase) || o.Key.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ManifestBuildScript_TakesTheDeploymentsOutputs()
    {
        var outputs = Compiled()["outputs"]!.AsObject();
        foreach (var name in new[] { "botAppId", "publicHostName", "organiserClientId", "appUrl" }) Assert.True(outputs.ContainsKey(name), $"no output {name}");

        // What `az deployment group create ... --query properties.outputs` prints, for a deployment of this template.
        var file = Path.Combine(Path.GetTempPath(), $"participantbot-outputs-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, new JsonObject
        {
            ["appUrl"] = new JsonObject { ["type"] = "String", ["value"] = "https://pbtanger-app-abc.azurewebsites.net" },
            ["publicHostName"] = new JsonObject { ["type"] = "String", ["value"] = "pbtanger-app-abc.azurewebsites.net" },
            ["botAppId"] = new JsonObject { ["type"] = "String", ["value"] = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b" },
            ["organiserClientId"] = new JsonObject { ["type"] = "String", ["value"] = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e" },
        }.ToJsonString());
        try
        {
            var (exit, output) = ProcessRunner.Run("bash", $"manifest/build.sh --outputs \"{file}\"");
            Assert.True(exit == 0, output);
            using var zip = System.IO.Compression.ZipFile.OpenRead(RepositoryPaths.Combine("manifest", "build", "ParticipantBot.zip"));
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = JsonNode.Parse(reader.ReadToEnd())!;
            Assert.Equal("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", manifest["bots"]![0]!["botId"]!.GetValue<string>());
            Assert.Equal("pbtanger-app-abc.azurewebsites.net", manifest["validDomains"]![0]!.GetValue<string>());
            Assert.Equal("1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
            Assert.Equal("https://pbtanger-app-abc.azurewebsites.net/dashboard", manifest["staticTabs"]![0]!["contentUrl"]!.GetValue<string>());
        }
        finally { File.Delete(file); }
    }
}

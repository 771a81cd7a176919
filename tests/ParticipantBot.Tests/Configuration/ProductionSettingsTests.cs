using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParticipantBot.Persistence;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Configuration;

/// <summary>
/// A production start-up names every missing or contradictory setting, all in one message, before it
/// touches the database; with every required setting it starts and protects its key ring.
/// </summary>
public sealed class ProductionSettingsTests
{
    /// <summary>The start-up's message with the complete production settings changed by <paramref name="change"/> (a key removed is not given at all).</summary>
    private static string StartupMessage(Action<Dictionary<string, string>> change, string environment = "Production")
    {
        using var factory = new ServiceFactory { EnvironmentName = environment };
        var settings = ProductionSettings.For(factory.Folder);
        change(settings);
        foreach (var (key, value) in settings) factory.Settings[key] = value;
        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        return Assert.IsType<ParticipantBot.Configuration.SettingsException>(e is ParticipantBot.Configuration.SettingsException ? e : e.InnerException).Message;
    }

    private static readonly string[] Required =
    [
        "App:PublicBaseUrl", "Auth:TenantId", "Auth:ClientId", "Bot:MicrosoftAppId", "Bot:MicrosoftAppPassword", "Bot:MicrosoftAppTenantId",
        "Email:FromAddress", "Email:Contact", "DataProtection:CertificatePath",
    ];

    public static TheoryData<string> RequiredSettings => new(Required);

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public void EachRequiredSetting_LeftOut_IsNamed_AsTheOneProblem(string setting)
    {
        var message = StartupMessage(s => s.Remove(setting));
        Assert.StartsWith("ParticipantBot cannot start (Production): 1 setting is missing or contradictory.", message);
        Assert.Contains(setting, message);
    }

    [Fact]
    public void NothingConfigured_NamesEveryRequiredSetting_InOneMessage()
    {
        var message = StartupMessage(s => s.Clear());
        foreach (var setting in Required.Except(["Bot:MicrosoftAppPassword", "Bot:MicrosoftAppTenantId"]))
            Assert.Contains(setting, message);
        Assert.Contains("6 settings are missing or contradictory", message);
    }

    [Fact]
    public void PostgresWithoutConnectionString_IsNamed() =>
        Assert.Contains("ConnectionStrings:Default", StartupMessage(s => { s["Database:Provider"] = "Postgres"; s["ConnectionStrings:Default"] = ""; }));

    [Fact]
    public void PublicBaseUrl_OverPlainHttp_IsRefused() =>
        Assert.Contains("App:PublicBaseUrl must be https", StartupMessage(s => s["App:PublicBaseUrl"] = "http://participantbot.agency.test"));

    [Fact]
    public void PublicBaseUrl_OfThisMachine_IsRefused() =>
        Assert.Contains("this machine's own address", StartupMessage(s => s["App:PublicBaseUrl"] = "https://localhost:3978"));

    [Fact]
    public void CertificateFileAndKeyVault_Together_AreContradictory() =>
        Assert.Contains("DataProtection:CertificatePath and DataProtection:KeyVaultUri are both set",
            StartupMessage(s => { s["DataProtection:KeyVaultUri"] = "https://kv.vault.azure.net/"; s["DataProtection:KeyVaultCertificateName"] = "dp"; }));

    [Fact]
    public void KeyVaultWithoutCertificateName_IsNamed() =>
        Assert.Contains("DataProtection:KeyVaultCertificateName",
            StartupMessage(s => { s.Remove("DataProtection:CertificatePath"); s["DataProtection:KeyVaultUri"] = "https://kv.vault.azure.net/"; }));

    [Fact]
    public void CertificateWithTheWrongPassword_IsNamed() =>
        Assert.Contains("The Data Protection certificate could not be read", StartupMessage(s => s["DataProtection:CertificatePassword"] = "wrong"));

    [Fact]
    public void CertificateFileThatDoesNotExist_IsNamed() =>
        Assert.Contains("DataProtection:CertificatePath '/nowhere/dp.pfx' does not exist", StartupMessage(s => s["DataProtection:CertificatePath"] = "/nowhere/dp.pfx"));

    [Fact]
    public void PartialGraphSettings_AreContradictory() =>
        Assert.Contains("Graph needs TenantId, ClientId and Mailbox together", StartupMessage(s => s["Graph:TenantId"] = ProductionSettings.TenantId));

    [Fact]
    public void SqliteProviderWithAServerConnectionString_IsContradictory() =>
        Assert.Contains("Database:Provider is Sqlite", StartupMessage(s => s["ConnectionStrings:Default"] = "Host=db.agency.test;Database=participantbot"));

    [Fact]
    public void OtlpEndpointThatIsNotAnAddress_IsNamed() =>
        Assert.Contains("Telemetry:OtlpEndpoint", StartupMessage(s => s["Telemetry:OtlpEndpoint"] = "collector:4318"));

    [Fact]
    public void SeveralProblems_AreAllNamed_InOneMessage()
    {
        var message = StartupMessage(s =>
        {
            s.Remove("Auth:ClientId");
            s.Remove("DataProtection:CertificatePath");
            s["Graph:Mailbox"] = "consultations@agency.test";
            s["App:DefaultTimeZone"] = "Africa/Tanger";
        });
        Assert.Contains("4 settings are missing or contradictory", message);
        foreach (var named in new[] { "Auth:ClientId", "DataProtection:CertificatePath", "Graph needs", "Africa/Tanger" }) Assert.Contains(named, message);
    }

    [Fact]
    public void InDevelopment_NoCertificateIsNeeded_ButAContradictionIsStillNamed() =>
        Assert.Contains("Database:Provider is Sqlite",
            StartupMessage(s => s["ConnectionStrings:Default"] = "Host=db;Database=x", environment: "Development"));

    [Fact]
    public async Task EveryRequiredSetting_Given_StartsReady_AndTheKeyRingHoldsNoPlainKey()
    {
        await using var factory = new ServiceFactory { EnvironmentName = "Production" };
        foreach (var (key, value) in ProductionSettings.For(factory.Folder)) factory.Settings[key] = value;
        var client = factory.CreateClient();
        foreach (var path in new[] { "/healthz", "/healthz/live", "/healthz/ready" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/campaigns")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("<encryptedSecret", k.Xml);
            Assert.DoesNotContain("<masterKey", k.Xml);
            Assert.DoesNotContain("unencrypted", k.Xml);
        });
    }
}

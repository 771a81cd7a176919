using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ParticipantBot.Tests.Support;

/// <summary>Self-signed certificates made by the test itself (never a committed key).</summary>
public static class TestCertificates
{
    public const string Password = "test-only-password";

    /// <summary>A certificate with its private key, as a .pfx file in the folder; its path.</summary>
    public static string DataProtectionPfx(string folder, string name = "dataprotection")
    {
        using var certificate = Create("CN=ParticipantBot Data Protection (test)", serverAuth: false);
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    /// <summary>A TLS certificate for 127.0.0.1 and localhost, its own trust anchor.</summary>
    public static X509Certificate2 Localhost() => Create("CN=localhost", serverAuth: true);

    private static X509Certificate2 Create(string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: serverAuth, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | (serverAuth ? X509KeyUsageFlags.KeyCertSign : 0), true));
        if (serverAuth)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }
        var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Through a PFX, so that the key is usable everywhere (Kestrel, EncryptedXml).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, Password), Password, X509KeyStorageFlags.Exportable);
    }
}

/// <summary>A complete production configuration (every required setting, nothing of the cloud reached).</summary>
public static class ProductionSettings
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string BotAppId = "66666666-7777-8888-9999-000000000000";

    public static Dictionary<string, string> For(string folder) => new()
    {
        ["App:PublicBaseUrl"] = "https://participantbot.agency.test",
        ["Auth:TenantId"] = TenantId,
        ["Auth:ClientId"] = "participantbot-tests",
        ["Bot:MicrosoftAppType"] = "SingleTenant",
        ["Bot:MicrosoftAppId"] = BotAppId,
        ["Bot:MicrosoftAppPassword"] = "not-a-real-secret",
        ["Bot:MicrosoftAppTenantId"] = TenantId,
        ["Email:FromAddress"] = "consultations@agency.test",
        ["Email:Contact"] = "consultations@agency.test",
        ["DataProtection:CertificatePath"] = TestCertificates.DataProtectionPfx(folder),
        ["DataProtection:CertificatePassword"] = TestCertificates.Password,
    };
}

using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Azure.Security.KeyVault.Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ParticipantBot.Configuration;

/// <summary>
/// How the Data Protection keys (which sign and encrypt every RSVP and survey link, card action and
/// antiforgery token) are protected at rest, in the database (DataProtection section). Outside
/// Development a certificate is required: a PFX/PEM file, or a certificate of Azure Key Vault read
/// with the service's managed identity.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A .pfx (with <see cref="CertificatePassword"/>) or .pem (certificate and private key) file.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>The Key Vault that holds the certificate, e.g. https://kv-participantbot.vault.azure.net/.</summary>
    public string? KeyVaultUri { get; set; }
    /// <summary>The certificate's name in that Key Vault: its current version protects new keys, every enabled version unprotects.</summary>
    public string? KeyVaultCertificateName { get; set; }
    /// <summary>Client id of the user-assigned managed identity that reads the Key Vault (empty: AZURE_CLIENT_ID, then the other Azure credentials).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Older certificate files (after a rotation): they still unprotect keys they protected, never protect new ones.</summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];

    public bool HasFile => !string.IsNullOrWhiteSpace(CertificatePath);
    public bool HasKeyVault => !string.IsNullOrWhiteSpace(KeyVaultUri) || !string.IsNullOrWhiteSpace(KeyVaultCertificateName);
}

public static class KeyProtection
{
    /// <summary>
    /// Protects the key ring with the configured certificate. A missing certificate outside
    /// Development, a contradictory configuration or a certificate that cannot be read is a start-up
    /// problem (<see cref="StartupProblems"/>), reported with every other one in one message.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder dataProtection, WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        var problems = StartupProblems.Of(builder.Services);
        var production = !builder.Environment.IsDevelopment();
        if (options.HasFile && options.HasKeyVault)
        {
            problems.Add("DataProtection:CertificatePath and DataProtection:KeyVaultUri are both set: give the certificate one way, a file or Key Vault.");
            return dataProtection;
        }
        if (!options.HasFile && !options.HasKeyVault)
        {
            if (production)
                problems.Add("DataProtection:CertificatePath (a .pfx or .pem file, with DataProtection:CertificatePassword) or DataProtection:KeyVaultUri with DataProtection:KeyVaultCertificateName is required outside Development: the keys that sign every RSVP and survey link are protected with that certificate in the database.");
            return dataProtection;
        }
        if (options.HasKeyVault && (string.IsNullOrWhiteSpace(options.KeyVaultUri) || string.IsNullOrWhiteSpace(options.KeyVaultCertificateName)))
        {
            problems.Add("DataProtection:KeyVaultUri and DataProtection:KeyVaultCertificateName go together: the Key Vault and the certificate's name in it.");
            return dataProtection;
        }
        if (options.HasKeyVault && (!Uri.TryCreate(options.KeyVaultUri, UriKind.Absolute, out var vault) || vault.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"DataProtection:KeyVaultUri '{options.KeyVaultUri}' is not an https URL of a Key Vault.");
            return dataProtection;
        }

        X509Certificate2 current;
        List<X509Certificate2> previous = [];
        try
        {
            if (options.HasFile)
            {
                current = LoadFile(options.CertificatePath!, options.CertificatePassword, "DataProtection:CertificatePath");
            }
            else
            {
                (current, previous) = LoadFromKeyVault(options);
            }
            foreach (var path in options.PreviousCertificatePaths.Where(p => !string.IsNullOrWhiteSpace(p)))
                previous.Add(LoadFile(path, options.CertificatePassword, "DataProtection:PreviousCertificatePaths"));
        }
        catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException or IOException
                                     or Azure.RequestFailedException or AuthenticationFailedException or CredentialUnavailableException)
        {
            problems.Add(e is InvalidOperationException ? e.Message : $"The Data Protection certificate could not be read ({Where(options)}): {e.Message}");
            return dataProtection;
        }
        if (!current.HasPrivateKey)
        {
            problems.Add($"The Data Protection certificate ({Where(options)}) has no private key: without it the keys it protects cannot be read back.");
            return dataProtection;
        }
        if (current.NotAfter < DateTime.UtcNow)
            builder.Services.AddSingleton(new KeyProtectionNotice($"The Data Protection certificate {current.Thumbprint} expired on {current.NotAfter:yyyy-MM-dd}: it still protects the keys, but renew it."));
        builder.Services.AddSingleton(new KeyProtectionNotice($"Data Protection keys are protected at rest with certificate {current.Thumbprint} ({Where(options)}), valid until {current.NotAfter:yyyy-MM-dd}."));
        dataProtection.ProtectKeysWithCertificate(current);
        dataProtection.UnprotectKeysWithAnyCertificate([current, .. previous]);
        return dataProtection;
    }

    /// <summary>Says at start how the keys are protected (the certificate's thumbprint, never its content).</summary>
    public static void LogKeyProtection(this WebApplication app)
    {
        var notices = app.Services.GetServices<KeyProtectionNotice>().ToList();
        if (notices.Count == 0)
        {
            app.Logger.LogWarning("Data Protection keys are not protected by a certificate (Development only): set DataProtection:CertificatePath or DataProtection:KeyVaultUri outside Development.");
            return;
        }
        foreach (var notice in notices) app.Logger.LogInformation("{KeyProtection}", notice.Text);
    }

    private static string Where(KeyProtectionOptions o) =>
        o.HasFile ? $"file {o.CertificatePath}" : $"Key Vault {o.KeyVaultUri}, certificate {o.KeyVaultCertificateName}";

    internal static X509Certificate2 LoadFile(string path, string? password, string setting)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"{setting} '{path}' does not exist.");
        if (path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
        {
            // A PEM with the certificate and its private key (encrypted with the password, or not).
            var pem = File.ReadAllText(path);
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPem(pem, pem)
                : X509Certificate2.CreateFromEncryptedPem(pem, pem, password);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>The certificate's current version, and its other enabled versions for keys protected before a rotation.</summary>
    private static (X509Certificate2 Current, List<X509Certificate2> Previous) LoadFromKeyVault(KeyProtectionOptions o)
    {
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(o.ManagedIdentityClientId) ? Environment.GetEnvironmentVariable("AZURE_CLIENT_ID") : o.ManagedIdentityClientId,
        });
        var client = new CertificateClient(new Uri(o.KeyVaultUri!), credential);
        var download = new DownloadCertificateOptions(o.KeyVaultCertificateName!) { KeyStorageFlags = X509KeyStorageFlags.EphemeralKeySet };
        var current = client.DownloadCertificate(download).Value;
        var previous = new List<X509Certificate2>();
        foreach (var version in client.GetPropertiesOfCertificateVersions(o.KeyVaultCertificateName!))
        {
            if (version.Enabled != true || string.Equals(version.X509ThumbprintString, current.Thumbprint, StringComparison.OrdinalIgnoreCase)) continue;
            previous.Add(client.DownloadCertificate(new DownloadCertificateOptions(o.KeyVaultCertificateName!)
            { Version = version.Version, KeyStorageFlags = X509KeyStorageFlags.EphemeralKeySet }).Value);
        }
        return (current, previous);
    }
}

/// <summary>A line said at start about the key protection.</summary>
public sealed record KeyProtectionNotice(string Text);

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// Entra ID's OpenID metadata and signing keys, served by the tests over HTTPS on a loopback port with a
/// certificate of their own, so that a service process in Production validates organiser tokens exactly
/// as it would against login.microsoftonline.com (Auth:Instance points here; the process trusts the
/// certificate through SSL_CERT_FILE). Tokens are signed with an RSA key of the test's own.
/// </summary>
public sealed class FakeEntra : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private FakeEntra(WebApplication app, RsaSecurityKey key, string instance, string trustFile)
    {
        _app = app; _key = key; Instance = instance; TrustFile = trustFile;
    }

    /// <summary>Auth:Instance for the service.</summary>
    public string Instance { get; }
    /// <summary>The PEM file of the server certificate: SSL_CERT_FILE for the service.</summary>
    public string TrustFile { get; }

    public static async Task<FakeEntra> StartAsync(string folder, string tenantId)
    {
        var certificate = TestCertificates.Localhost();
        var trustFile = Path.Combine(folder, "fake-entra.pem");
        await File.WriteAllTextAsync(trustFile, certificate.ExportCertificatePem() + "\n");
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "participantbot-test-key" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        builder.WebHost.UseUrls("https://127.0.0.1:0");
        var app = builder.Build();
        string? baseUrl = null;
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["jwks_uri"] = $"{baseUrl}/{tenant}/discovery/v2.0/keys",
            ["authorization_endpoint"] = $"{baseUrl}/{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{baseUrl}/{tenant}/oauth2/v2.0/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Json(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } },
        }));
        await app.StartAsync();
        baseUrl = app.Urls.First().TrimEnd('/');
        return new FakeEntra(app, key, baseUrl + "/", trustFile);
    }

    /// <summary>An organiser's delegated token (Teams SSO's scope), as Entra issues it for the tenant and audience.</summary>
    public string Token(string tenantId, string audience, string objectId) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{tenantId}/v2.0",
            Audience = audience,
            Claims = new Dictionary<string, object> { ["oid"] = objectId, ["tid"] = tenantId, ["scp"] = "access_as_user", ["ver"] = "2.0" },
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace ParticipantBot.Outlook;

/// <summary>The app's credential for Graph, chosen by configuration: client secret, certificate or managed identity.</summary>
public static class GraphCredential
{
    public static TokenCredential From(GraphOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.ManagedIdentity))
            return o.ManagedIdentity.Equals("system", StringComparison.OrdinalIgnoreCase)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentity));
        if (!string.IsNullOrWhiteSpace(o.CertificatePath))
        {
            var certificate = o.CertificatePath.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(o.CertificatePath)
                : X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath, o.CertificatePassword);
            return new ClientCertificateCredential(o.TenantId, o.ClientId, certificate);
        }
        return new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret);
    }
}

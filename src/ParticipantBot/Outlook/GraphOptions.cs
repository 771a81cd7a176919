using System.ComponentModel.DataAnnotations;

namespace ParticipantBot.Outlook;

/// <summary>
/// Microsoft Graph (Graph section): when TenantId, ClientId and Mailbox are set, invitations become
/// Outlook meeting invitations from that mailbox and other emails go through sendMail.
/// </summary>
public sealed class GraphOptions : IValidatableObject
{
    public const string Section = "Graph";

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    /// <summary>Client secret of the app registration: from a secret store, never from git.</summary>
    public string? ClientSecret { get; set; }
    /// <summary>A PFX (or PEM) certificate file with its private key, instead of a secret.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    /// <summary>Use the Azure managed identity (its client id, or "system" for the system-assigned one) instead of a secret or certificate.</summary>
    public string? ManagedIdentity { get; set; }

    /// <summary>The organiser or shared mailbox invitations come from (UPN or object id).</summary>
    public string? Mailbox { get; set; }

    /// <summary>Graph's root, with its version. Another root is for national clouds (and the tests' own server).</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The token's scope: Graph's application permissions.</summary>
    [Required]
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>How often the replies are read back from the attendees' statuses (the safety net of notifications).</summary>
    [Range(1, 1440)]
    public int SyncMinutes { get; set; } = 10;

    /// <summary>Public HTTPS address of /api/graph/notifications; empty: no change notifications, the sync alone.</summary>
    [Url]
    public string? NotificationUrl { get; set; }

    /// <summary>Retries of a throttled (429) or failed (5xx) request inside one send, before the outbox takes over.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(Mailbox);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(TenantId) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(Mailbox))
                yield return new ValidationResult("Graph needs TenantId, ClientId and Mailbox together (or none of them, for the outbox folder).",
                    [nameof(TenantId), nameof(ClientId), nameof(Mailbox)]);
            yield break;
        }
        var credentials = new[] { ClientSecret, CertificatePath, ManagedIdentity }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (credentials != 1)
            yield return new ValidationResult("Graph needs exactly one credential: Graph:ClientSecret, Graph:CertificatePath or Graph:ManagedIdentity.",
                [nameof(ClientSecret), nameof(CertificatePath), nameof(ManagedIdentity)]);
        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
            yield return new ValidationResult($"Graph:CertificatePath '{CertificatePath}' does not exist.", [nameof(CertificatePath)]);
    }
}

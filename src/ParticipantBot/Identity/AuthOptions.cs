namespace ParticipantBot.Identity;

/// <summary>Entra ID settings for organiser requests (Auth section).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The Entra tenant (directory) id that issues organisers' tokens.</summary>
    public string? TenantId { get; set; }
    /// <summary>The app registration's client id.</summary>
    public string? ClientId { get; set; }
    /// <summary>Accepted token audience, usually api://{host}/{clientId}; the client id is accepted too.</summary>
    public string? Audience { get; set; }
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Object ids of the administrators: the Hangfire dashboard, and (later) every campaign.</summary>
    public List<string> Administrators { get; set; } = [];

    /// <summary>The object id the development identity acts as (Development on loopback only).</summary>
    public string DevelopmentUser { get; set; } = DemoIdentity.OrganiserObjectId;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>The identity of the demo: the Agents Playground's current user, Alex Wilber.</summary>
public static class DemoIdentity
{
    public const string OrganiserObjectId = "00000000-0000-0000-0000-0000000000020";
    public const string OrganiserName = "Alex Wilber";
}

namespace ParticipantBot.Teams;

/// <summary>
/// The Azure Bot's identity (Bot section), read by Bot Framework's ConfigurationBotFrameworkAuthentication
/// under its own names. Without an app id the bot answers only local development traffic.
/// </summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>SingleTenant, MultiTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = "SingleTenant";
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public bool HasIdentity => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

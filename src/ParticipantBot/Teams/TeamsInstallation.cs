namespace ParticipantBot.Teams;

/// <summary>
/// Where the bot can reach one Teams user proactively: the conversation reference taken when the
/// app was installed for them (personal scope). Kept in the database, never in memory only.
/// </summary>
public sealed class TeamsInstallation
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    /// <summary>The user's Entra object id (kept as text: the Agents Playground's ids are not GUIDs).</summary>
    public string UserObjectId { get; set; } = "";
    /// <summary>The user's Teams id (29:... in Teams), used to address card refreshes.</summary>
    public string UserId { get; set; } = "";
    public string? UserName { get; set; }
    public string? Upn { get; set; }
    public string? Email { get; set; }
    public string ConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }
    public string ChannelId { get; set; } = "msteams";
    /// <summary>The language the user chose with "language xx" (fr, ar, en), for replies when no participant record says.</summary>
    public string? Language { get; set; }
    /// <summary>False once the app was uninstalled or the connector answered 404 for it.</summary>
    public bool Active { get; set; } = true;
    public string? InactiveReason { get; set; }
    public DateTimeOffset InstalledAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

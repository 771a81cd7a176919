namespace ParticipantBot.Identity;

/// <summary>A colleague as the tenant's directory knows them.</summary>
public sealed record DirectoryUser(string ObjectId, string? DisplayName, string? Mail, string? UserPrincipalName);

/// <summary>
/// Finds a colleague of the tenant by email, UPN or object id, to make them an organiser. Registered only when
/// a directory is configured (Microsoft Graph, in the Outlook module); without one, organisers are added by object id.
/// </summary>
public interface IOrganiserDirectory
{
    /// <returns>The user, or null when the directory has nobody by that name.</returns>
    Task<DirectoryUser?> FindAsync(string emailUpnOrObjectId, CancellationToken ct);
}

using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using ParticipantBot.Identity;

namespace ParticipantBot.Outlook;

/// <summary>
/// Colleagues from the tenant's directory through Graph (application permission User.ReadBasic.All): by object id or
/// UPN as the user's key, else by mail. Graph's types stay here; the rest of the service sees <see cref="DirectoryUser"/>.
/// </summary>
public sealed class GraphOrganiserDirectory(GraphServiceClient graph) : IOrganiserDirectory
{
    private static readonly string[] Fields = ["id", "displayName", "mail", "userPrincipalName"];

    public async Task<DirectoryUser?> FindAsync(string emailUpnOrObjectId, CancellationToken ct)
    {
        var key = emailUpnOrObjectId.Trim();
        try
        {
            var user = await graph.Users[key].GetAsync(r => r.QueryParameters.Select = Fields, ct);
            if (user?.Id is not null) return new DirectoryUser(user.Id, user.DisplayName, user.Mail, user.UserPrincipalName);
        }
        catch (ODataError e) when (e.ResponseStatusCode is 404 or 400) { }
        if (!key.Contains('@')) return null;
        // A mail address that is not the UPN (an alias, another domain): by the mail property.
        var escaped = key.Replace("'", "''", StringComparison.Ordinal);
        var found = await graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"mail eq '{escaped}'";
            r.QueryParameters.Select = Fields;
            r.QueryParameters.Top = 2;
        }, ct);
        return found?.Value is [{ Id: not null } only] ? new DirectoryUser(only.Id, only.DisplayName, only.Mail, only.UserPrincipalName) : null;
    }
}

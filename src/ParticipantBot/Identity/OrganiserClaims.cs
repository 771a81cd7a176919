using System.Security.Claims;

namespace ParticipantBot.Identity;

public static class OrganiserClaims
{
    /// <summary>Entra's object id claim, read without the legacy long-name mapping.</summary>
    public const string ObjectId = "oid";
    public const string Name = "name";
    /// <summary>Delegated tokens (Teams SSO, device code) carry the API's scope in "scp", space-separated.</summary>
    public const string Scope = "scp";
    public const string Roles = "roles";
    /// <summary>The scope the app registration exposes; Teams' clients are pre-authorised for it.</summary>
    public const string UserScope = "access_as_user";
    /// <summary>The app role a script's own app registration is granted for client-credential tokens.</summary>
    public const string AutomationRole = "Organiser.Automation";

    /// <summary>Whether the token was issued for this API: the user scope, or the automation role for an app.</summary>
    public static bool IsForThisApi(this ClaimsPrincipal user) =>
        user.FindAll(Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(UserScope)
        || user.FindAll(Roles).Any(c => c.Value == AutomationRole);

    /// <summary>The Entra object id of the organiser making the request.</summary>
    public static string ObjectIdOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(ObjectId)
        ?? user.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier")
        ?? throw new InvalidOperationException("An authenticated organiser has no object id claim.");
}

using System.Security.Claims;

namespace ParticipantBot.Identity;

public static class OrganiserClaims
{
    /// <summary>Entra's object id claim, read without the legacy long-name mapping.</summary>
    public const string ObjectId = "oid";
    public const string Name = "name";

    /// <summary>The Entra object id of the organiser making the request.</summary>
    public static string ObjectIdOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(ObjectId)
        ?? user.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier")
        ?? throw new InvalidOperationException("An authenticated organiser has no object id claim.");
}

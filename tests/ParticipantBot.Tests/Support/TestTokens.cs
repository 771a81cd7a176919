using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ParticipantBot.Tests.Support;

/// <summary>A token issuer owned by the tests: its own signing key, never the network.</summary>
public static class TestTokens
{
    public const string Issuer = "https://login.test.example/participantbot-tests/v2.0";
    public const string Audience = "api://participantbot-tests";
    public static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("participantbot-tests-signing-key-0123456789abcdef"));
    private static readonly SymmetricSecurityKey OtherKey = new(Encoding.UTF8.GetBytes("some-other-issuers-signing-key-0123456789abcdef"));

    public static string Create(string? objectId = "organiser-entra-1", string issuer = Issuer, string audience = Audience,
        DateTime? expires = null, bool otherKey = false, string? scope = "access_as_user", string? role = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["name"] = "Test Organiser" };
        if (scope is not null) claims["scp"] = scope;
        if (role is not null) claims["roles"] = new[] { role };
        if (objectId is not null) claims["oid"] = objectId;
        var exp = expires ?? now.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = exp.AddHours(-1),
            NotBefore = exp.AddHours(-1),
            Expires = exp,
            SigningCredentials = new SigningCredentials(otherKey ? OtherKey : Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public static string Unsigned(string objectId = "organiser-entra-1")
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($"{{\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"oid\":\"{objectId}\",\"exp\":{exp}}}");
        return $"{header}.{payload}.";
    }

    /// <summary>A valid token whose payload was changed after signing (another object id).</summary>
    public static string Tampered()
    {
        var parts = Create("organiser-entra-1").Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("organiser-entra-1", "organiser-entra-2");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}

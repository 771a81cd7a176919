using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ParticipantBot.Configuration;

namespace ParticipantBot.Surveys;

/// <summary>Whose survey a token is: the session and the person it was made for.</summary>
public sealed record SurveyToken(Guid SessionId, Guid ParticipantId);

/// <summary>
/// Personal survey tokens, for the web link (/survey/{token}) and behind the Teams card's button:
/// the session and the person, encrypted and signed with Data Protection (keys in the database).
/// They do not expire: the survey's own closing date decides, so a late answer hears that it closed.
/// </summary>
public sealed class SurveyLinks(IDataProtectionProvider provider, IOptions<AppOptions> app)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ParticipantBot.Survey.v1");

    public string Token(Guid sessionId, Guid participantId) => _protector.Protect($"{sessionId:N}.{participantId:N}");

    public Uri For(Guid sessionId, Guid participantId) =>
        new(new Uri(app.Value.PublicBaseUrl.TrimEnd('/') + "/"), "survey/" + Token(sessionId, participantId));

    public SurveyToken? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        try
        {
            var parts = _protector.Unprotect(token).Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var session) && Guid.TryParseExact(parts[1], "N", out var person)
                ? new SurveyToken(session, person) : null;
        }
        catch (CryptographicException) { return null; }
        catch (FormatException) { return null; }
    }
}

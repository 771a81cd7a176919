using Microsoft.Extensions.Options;
using ParticipantBot.Configuration;
using ParticipantBot.Security;

namespace ParticipantBot.Surveys;

/// <summary>Whose survey a token is: the session and the person it was made for.</summary>
public sealed record SurveyToken(Guid SessionId, Guid ParticipantId);

/// <summary>
/// Personal survey tokens, for the web link (/survey/{token}) and behind the Teams card's button:
/// the session and the person, encrypted and signed with Data Protection (keys in the database).
/// They do not expire: the survey's own closing date decides, so a late answer hears that it closed.
/// </summary>
public sealed class SurveyLinks(SignedTokens tokens, IOptions<AppOptions> app)
{
    public string Token(Guid sessionId, Guid participantId) => tokens.Issue(TokenPurpose.Survey, sessionId, participantId);

    public Uri For(Guid sessionId, Guid participantId) =>
        new(new Uri(app.Value.PublicBaseUrl.TrimEnd('/') + "/"), "survey/" + Token(sessionId, participantId));

    public SurveyToken? Read(string? token) =>
        tokens.Read(TokenPurpose.Survey, token) is { } t ? new SurveyToken(t.Subject, t.Person) : null;
}

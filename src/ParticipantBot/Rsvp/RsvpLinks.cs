using Microsoft.Extensions.Options;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Security;

namespace ParticipantBot.Rsvp;

/// <summary>What a link says once its signature is checked.</summary>
public abstract record RsvpToken
{
    public sealed record Valid(Guid InvitationId, Guid ParticipantId) : RsvpToken;
    public sealed record Expired(Guid InvitationId, Guid ParticipantId) : RsvpToken;
    public sealed record Invalid : RsvpToken;
}

/// <summary>
/// Personal RSVP links: the invitation, the person it was made for and an expiry, encrypted and
/// signed with ASP.NET Core Data Protection (keys in the database). An altered link reveals nothing
/// and a guessed one does not exist.
/// </summary>
public sealed class RsvpLinks(SignedTokens tokens, IOptions<AppOptions> app)
{
    /// <summary>Links work until a week after the session ends; the page refuses answers once it has started.</summary>
    public static readonly TimeSpan ValidAfterEnd = TimeSpan.FromDays(7);

    public Uri For(Guid invitationId, Guid participantId, Session session) =>
        new(new Uri(app.Value.PublicBaseUrl.TrimEnd('/') + "/"), "rsvp/" + Token(invitationId, participantId, session.EndsAt + ValidAfterEnd));

    public string Token(Guid invitationId, Guid participantId, DateTimeOffset expires) =>
        tokens.Issue(TokenPurpose.Rsvp, invitationId, participantId, expiresAt: expires);

    public RsvpToken Read(string? token) => tokens.Read(TokenPurpose.Rsvp, token) switch
    {
        null => new RsvpToken.Invalid(),
        { IsExpired: true } t => new RsvpToken.Expired(t.Subject, t.Person),
        var t => new RsvpToken.Valid(t.Subject, t.Person),
    };
}

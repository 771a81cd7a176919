using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Campaigns;

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
public sealed class RsvpLinks(IDataProtectionProvider provider, IOptions<AppOptions> app, TimeProvider clock)
{
    /// <summary>Links work until a week after the session ends; the page refuses answers once it has started.</summary>
    public static readonly TimeSpan ValidAfterEnd = TimeSpan.FromDays(7);

    private readonly IDataProtector _protector = provider.CreateProtector("ParticipantBot.Rsvp.v1");

    public Uri For(Guid invitationId, Guid participantId, Session session) =>
        new(new Uri(app.Value.PublicBaseUrl.TrimEnd('/') + "/"), "rsvp/" + Token(invitationId, participantId, session.EndsAt + ValidAfterEnd));

    public string Token(Guid invitationId, Guid participantId, DateTimeOffset expires) =>
        _protector.Protect($"{invitationId:N}.{participantId:N}.{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    public RsvpToken Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return new RsvpToken.Invalid();
        string payload;
        try { payload = _protector.Unprotect(token); }
        catch (CryptographicException) { return new RsvpToken.Invalid(); }
        catch (FormatException) { return new RsvpToken.Invalid(); }
        var parts = payload.Split('.');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var invitation) || !Guid.TryParseExact(parts[1], "N", out var participant)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return new RsvpToken.Invalid();
        return clock.GetUtcNow().ToUnixTimeSeconds() > expires
            ? new RsvpToken.Expired(invitation, participant)
            : new RsvpToken.Valid(invitation, participant);
    }
}

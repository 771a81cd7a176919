using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ParticipantBot.Security;

/// <summary>
/// What a token is for. Each purpose has its own Data Protection key ring derivation (a token of one purpose
/// is meaningless to another) and says whether its tokens expire and carry a number (a session's sequence).
/// The protector names are those of the links already sent, which keep working.
/// </summary>
public sealed record TokenPurpose(string Name, bool Expires, bool CarriesNumber)
{
    /// <summary>A personal RSVP link: invitation and person, until a week after the session.</summary>
    public static readonly TokenPurpose Rsvp = new("ParticipantBot.Rsvp.v1", Expires: true, CarriesNumber: false);

    /// <summary>A survey link or card: session and person; the survey's own closing date decides how long it answers.</summary>
    public static readonly TokenPurpose Survey = new("ParticipantBot.Survey.v1", Expires: false, CarriesNumber: false);

    /// <summary>The data behind a Teams card's buttons: invitation, person and the session's sequence when the card was made.</summary>
    public static readonly TokenPurpose CardAction = new("ParticipantBot.TeamsCard.v1", Expires: false, CarriesNumber: true);
}

/// <summary>A token's content once its seal is checked: what it is about, the person it is bound to, and when it expires.</summary>
public sealed record SignedToken(Guid Subject, Guid Person, int? Number, DateTimeOffset? ExpiresAt, bool IsExpired);

/// <summary>
/// The one way the service hands out tokens that act for a person: RSVP links, survey links and card action data.
/// A token is encrypted and authenticated with ASP.NET Core Data Protection (keys in the database, shared by
/// every instance): altered, truncated or forged tokens read as nothing and reveal nothing; a token is bound to
/// the person it was made for, and callers act only for that person.
/// </summary>
public sealed class SignedTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    /// <summary>Longer than any token the service makes; anything longer is not even opened.</summary>
    public const int MaxLength = 1000;

    public string Issue(TokenPurpose purpose, Guid subject, Guid person, int? number = null, DateTimeOffset? expiresAt = null)
    {
        if (purpose.CarriesNumber != number.HasValue) throw new ArgumentException($"A {purpose.Name} token {(purpose.CarriesNumber ? "needs" : "takes no")} number.", nameof(number));
        if (purpose.Expires != expiresAt.HasValue) throw new ArgumentException($"A {purpose.Name} token {(purpose.Expires ? "needs" : "takes no")} expiry.", nameof(expiresAt));
        var payload = $"{subject:N}.{person:N}";
        if (number is { } n) payload += "." + n.ToString(CultureInfo.InvariantCulture);
        if (expiresAt is { } at) payload += "." + at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return provider.CreateProtector(purpose.Name).Protect(payload);
    }

    /// <summary>The token's content, or null when it is not a sound token of this purpose. An expired token is read, and says so.</summary>
    public SignedToken? Read(TokenPurpose purpose, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxLength) return null;
        string payload;
        try { payload = provider.CreateProtector(purpose.Name).Unprotect(token); }
        catch (CryptographicException) { return null; }
        catch (FormatException) { return null; }
        var parts = payload.Split('.');
        var expected = 2 + (purpose.CarriesNumber ? 1 : 0) + (purpose.Expires ? 1 : 0);
        if (parts.Length != expected || !Guid.TryParseExact(parts[0], "N", out var subject) || !Guid.TryParseExact(parts[1], "N", out var person))
            return null;
        int? number = null;
        if (purpose.CarriesNumber)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
            number = n;
        }
        DateTimeOffset? expiresAt = null;
        if (purpose.Expires)
        {
            if (!long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799) return null;
            expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        return new SignedToken(subject, person, number, expiresAt, expiresAt is { } e && clock.GetUtcNow().ToUnixTimeSeconds() > e.ToUnixTimeSeconds());
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ParticipantBot.Teams.Cards;

/// <summary>What a card's button says once its signature is checked.</summary>
public sealed record SignedAction(Guid InvitationId, Guid ParticipantId, int SessionSequence);

/// <summary>
/// Signs the data behind a card's buttons (invitation, person, session sequence) so that altered
/// data is recognised. The signature does not say who clicked: the bot checks that separately
/// against the invoke's From.AadObjectId.
/// </summary>
public sealed class CardActionSigner(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ParticipantBot.TeamsCard.v1");

    public string Sign(Guid invitationId, Guid participantId, int sessionSequence) =>
        _protector.Protect($"{invitationId:N}.{participantId:N}.{sessionSequence.ToString(CultureInfo.InvariantCulture)}");

    public SignedAction? Read(string? invitation, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 1000 || !Guid.TryParse(invitation, out var claimed)) return null;
        try
        {
            var parts = _protector.Unprotect(signature).Split('.');
            if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var invitationId) || invitationId != claimed
                || !Guid.TryParseExact(parts[1], "N", out var participantId)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                return null;
            return new SignedAction(invitationId, participantId, sequence);
        }
        catch (CryptographicException) { return null; }
        catch (FormatException) { return null; }
    }
}

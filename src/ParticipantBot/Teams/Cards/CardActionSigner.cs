using ParticipantBot.Security;

namespace ParticipantBot.Teams.Cards;

/// <summary>What a card's button says once its signature is checked.</summary>
public sealed record SignedAction(Guid InvitationId, Guid ParticipantId, int SessionSequence);

/// <summary>
/// Signs the data behind a card's buttons (invitation, person, session sequence) so that altered
/// data is recognised. The signature does not say who clicked: the bot checks that separately
/// against the invoke's From.AadObjectId.
/// </summary>
public sealed class CardActionSigner(SignedTokens tokens)
{
    public string Sign(Guid invitationId, Guid participantId, int sessionSequence) =>
        tokens.Issue(TokenPurpose.CardAction, invitationId, participantId, number: sessionSequence);

    public SignedAction? Read(string? invitation, string? signature) =>
        Guid.TryParse(invitation, out var claimed) && tokens.Read(TokenPurpose.CardAction, signature) is { } t && t.Subject == claimed
            ? new SignedAction(t.Subject, t.Person, t.Number!.Value) : null;
}

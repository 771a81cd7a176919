using System.Text.Json.Nodes;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;
using ParticipantBot.Persistence;
using ParticipantBot.Rsvp;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Teams;

/// <summary>The inputs of a card action, as Teams sends them.</summary>
public sealed record CardActionInput(string Verb, string? Invitation, string? Signature, string? Transport, string? Diet, string? Accessibility,
    string? Interpretation, string? Consent, string? AgeBand = null, IReadOnlyList<string?>? Functioning = null);

/// <summary>
/// Answers given with a card's buttons. The answer is bound to the person who clicked (the
/// invoke's From.AadObjectId), checked against the participant the signed card data names: a
/// forwarded or replayed card cannot answer for its addressee.
/// </summary>
public sealed class TeamsCardActions(
    InvitationBook invitations, CampaignDirectory campaigns, ParticipantDirectory guests, UnitOfWork unit, CardActionSigner signer, CardFactory cards,
    RecordAnswerHandler answers, TeamsDirectory directory, TimeProvider clock,
    Invitations.SelfCheckIn selfCheckIn, ILogger<TeamsCardActions> logger)
{
    public async Task<JsonObject> HandleAsync(CardActionInput input, string? clickedBy, CancellationToken ct)
    {
        var fallbackLanguage = await directory.LanguageOfAsync(clickedBy, ct);
        var signed = signer.Read(input.Invitation, input.Signature);
        if (signed is null)
        {
            logger.LogWarning("A card action with altered or missing data was refused (verb {Verb}).", input.Verb);
            return cards.Notice(fallbackLanguage, "Card.Tampered.Title", "Card.Tampered.Text");
        }
        var invitation = await invitations.FindAsync(signed.InvitationId, ct);
        var person = await guests.FindAsync(signed.ParticipantId, ct);
        if (invitation is null || person is null || invitation.ParticipantId != person.Id
            || string.IsNullOrEmpty(clickedBy) || !string.Equals(person.TeamsObjectId, clickedBy, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("A card action for participant {ParticipantId} was made by someone else ({ClickedBy}) and refused.", signed.ParticipantId, clickedBy);
            return cards.Notice(fallbackLanguage, "Card.NotYours.Title", "Card.NotYours.Text");
        }
        if (await campaigns.SessionWithCampaignAsync(invitation.SessionId, ct) is not var (session, campaign))
            return cards.Notice(fallbackLanguage, "Card.Tampered.Title", "Card.Tampered.Text");
        var userId = (await directory.FindAsync(clickedBy, ct))?.UserId;
        var now = clock.GetUtcNow();

        if (signed.SessionSequence < session.Sequence && input.Verb != "rsvp.refresh")
            return cards.Invitation(MessageKind.Update, campaign, session, person, invitation, userId, now, Texts(person, "Card.Stale"));

        string? notice = null;
        switch (input.Verb)
        {
            case "rsvp.accept" or "rsvp.tentative" or "rsvp.decline":
                var response = input.Verb switch { "rsvp.accept" => RsvpResponse.Accept, "rsvp.tentative" => RsvpResponse.Tentative, _ => RsvpResponse.Decline };
                var recorded = await answers.HandleAsync(new RecordAnswer(session.Id, person.Id, new Answer.Reply(response), AnswerChannel.Teams,
                    $"participant:{person.Id}", InvitationId: invitation.Id), ct);
                if (recorded.Value?.Outcome is not { } outcome) break;
                if (outcome.Changed && outcome.Status == RsvpStatus.Waitlisted) notice = Texts(person, "Page.Waitlisted");
                if (outcome.Changed && outcome.Status == RsvpStatus.Declined)
                    logger.LogInformation("Participant {ParticipantId} declined session {SessionId} in Teams.", person.Id, session.Id);
                break;
            case "rsvp.checkin":
                var checkIn = await selfCheckIn.RecordAsync(invitation.Id, ct);
                notice = checkIn.Session is { } s
                    ? ParticipantBot.Resources.Texts.Format(checkIn.AlreadyRecorded ? "Card.CheckIn.Already" : "Card.CheckIn.Done", person.Language, s.Title)
                    : Texts(person, "Card.CheckIn.None");
                break;
            case "rsvp.needs":
                notice = await SaveNeedsAsync(person, campaign, input, now, ct) ? Texts(person, "Card.NeedsSaved") : Texts(person, "Card.NeedsNotKept");
                break;
        }
        var freshInvitation = await invitations.FindAsync(invitation.Id, ct) ?? invitation;
        var freshPerson = await guests.FindAsync(person.Id, ct) ?? person;
        return cards.Invitation(MessageKind.Invitation, campaign, session, freshPerson, freshInvitation, userId, now, notice);
    }

    /// <returns>Whether the needs were kept (they are only with the person's consent).</returns>
    private async Task<bool> SaveNeedsAsync(Participant before, Domain.Campaigns.Campaign campaign, CardActionInput input, DateTimeOffset now, CancellationToken ct)
    {
        var needs = new Needs(input.Transport == "true", Text.Clean(input.Diet), Text.Clean(input.Accessibility), Text.Clean(input.Interpretation));
        var kept = await unit.RunAsync<bool>(async c =>
        {
            // Age and the Short Set (the report): skippable, kept with the consent just checked.
            var about = SelfDescriptionCard.Read(input.AgeBand, input.Functioning, campaign.AgeBandBounds);
            await guests.KeepStatementAsync(before.Id, new PersonStatement(input.Consent == "true", needs, null, null, null, null, about), AnswerChannel.Teams, now, c);
            return before.Consent is not null || input.Consent == "true";
        }, ct);
        if (kept && !before.Needs.Transport && needs.Transport)
            logger.LogInformation("Participant {ParticipantId} needs transport (said in Teams).", before.Id);
        return kept;
    }


    private static string Texts(Participant person, string key) => ParticipantBot.Resources.Texts.Get(key, person.Language);
}

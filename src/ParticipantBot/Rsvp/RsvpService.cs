using ParticipantBot.Application;
using ParticipantBot.Campaigns;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Invitations;
using ParticipantBot.Participants;

namespace ParticipantBot.Rsvp;

/// <summary>Everything the RSVP page shows about one person's invitation.</summary>
public sealed record RsvpView(Campaign Campaign, Session Session, Participant Participant, Invitation Invitation)
{
    public bool CanAnswer(DateTimeOffset now) => Answering.IsOpen(Session, Invitation.Status, now);
}

/// <summary>A participant's answer from the web page.</summary>
public sealed record WebAnswer(RsvpResponse Response, bool Consent, bool Transport, string? Diet, string? Accessibility, string? Interpretation,
    Sex? Sex, string? Organisation, Language? Language, string? Group = null, SelfDescription? About = null);

/// <summary>
/// Answers from the signed link: the one answer path of every channel (the roster decides accepted or
/// waitlisted), recorded with channel web and the person as author, with what they said about themselves.
/// </summary>
public sealed class RsvpService(InvitationBook invitations, CampaignDirectory campaigns, RecordAnswerHandler answers, ILogger<RsvpService> logger)
{
    public async Task<RsvpView?> FindAsync(Guid invitationId, Guid participantId, CancellationToken ct)
    {
        var view = await invitations.ViewAsync(invitationId, ct);
        // A link acts only for the person it was made for: after a substitution it no longer works.
        if (view is null || view.Invitation.ParticipantId != participantId) return null;
        var campaign = await campaigns.CampaignAsync(view.Session.CampaignId, ct);
        return campaign is null ? null : new RsvpView(campaign, view.Session, view.Person, view.Invitation);
    }

    public async Task<Outcome<AnswerRecorded>> AnswerAsync(RsvpView view, WebAnswer answer, CancellationToken ct)
    {
        var person = view.Participant;
        var needs = new Needs(answer.Transport, Text.Clean(answer.Diet), Text.Clean(answer.Accessibility), Text.Clean(answer.Interpretation));
        var outcome = await answers.HandleAsync(new RecordAnswer(view.Session.Id, person.Id, new Answer.Reply(answer.Response), AnswerChannel.Web,
            $"participant:{person.Id}", InvitationId: view.Invitation.Id,
            Details: new PersonStatement(answer.Consent, needs, answer.Organisation, answer.Sex, answer.Language, answer.Group, answer.About)), ct);
        // Organisers are told of declines and new transport needs (ids only: logs hold no personal data).
        if (outcome.Value is { Outcome: { Changed: true, Status: RsvpStatus.Declined } })
            logger.LogInformation("Participant {ParticipantId} declined session {SessionId} through the web link.", person.Id, view.Session.Id);
        if (outcome.Succeeded && !person.Needs.Transport && answer.Transport && (person.Consent is not null || answer.Consent))
            logger.LogInformation("Participant {ParticipantId} needs transport for session {SessionId}.", person.Id, view.Session.Id);
        return outcome;
    }
}

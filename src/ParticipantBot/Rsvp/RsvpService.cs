using Microsoft.EntityFrameworkCore;
using ParticipantBot.Delivery;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Persistence;

namespace ParticipantBot.Rsvp;

/// <summary>Everything the RSVP page shows about one person's invitation.</summary>
public sealed record RsvpView(Campaign Campaign, Session Session, Participant Participant, Invitation Invitation)
{
    public bool CanAnswer(DateTimeOffset now) => !Session.IsCancelled && now < Session.StartsAt
        && Invitation.Status is not (RsvpStatus.Withdrawn or RsvpStatus.Cancelled or RsvpStatus.Attended or RsvpStatus.NoShow);
}

/// <summary>A participant's answer from the web page.</summary>
public sealed record WebAnswer(RsvpResponse Response, bool Consent, bool Transport, string? Diet, string? Accessibility, string? Interpretation,
    Sex? Sex, string? Organisation, Language? Language, string? Group = null);

/// <summary>
/// Answers from the signed link: the same rules as every other channel (the roster decides
/// accepted or waitlisted), recorded with channel web and the person as author.
/// </summary>
public sealed class RsvpService(AppDbContext db, SessionMessages messages, TimeProvider clock, ILogger<RsvpService> logger)
{
    public const string ConsentTextVersion = "2026-11";

    public async Task<RsvpView?> FindAsync(Guid invitationId, Guid participantId, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, ct);
        // A link acts only for the person it was made for: after a substitution it no longer works.
        if (invitation is null || invitation.ParticipantId != participantId) return null;
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.Id == participantId, ct);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == invitation.SessionId, ct);
        var campaign = session is null ? null : await db.Campaigns.FirstOrDefaultAsync(c => c.Id == session.CampaignId, ct);
        return participant is null || session is null || campaign is null ? null : new RsvpView(campaign, session, participant, invitation);
    }

    public async Task<AnswerOutcome> AnswerAsync(RsvpView view, WebAnswer answer, CancellationToken ct)
    {
        var hadTransport = view.Participant.Needs.Transport;
        var (outcome, person) = await db.RetryOnConflictAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var invitations = await db.Invitations.Where(i => i.SessionId == view.Session.Id).ToListAsync(ct);
            var invitation = invitations.Single(i => i.Id == view.Invitation.Id);
            var person = await db.Participants.SingleAsync(p => p.Id == view.Participant.Id, ct);
            var outcome = new Roster(view.Session, invitations).Answer(invitation, answer.Response, AnswerChannel.Web, $"participant:{person.Id}", now);
            if (answer.Consent) person.GiveConsent(new Consent(now, AnswerChannel.Web, ConsentTextVersion));
            // Needs are optional details: kept only with the person's consent.
            if (person.Consent is not null)
                person.StateNeeds(new Needs(answer.Transport, Text.Clean(answer.Diet), Text.Clean(answer.Accessibility), Text.Clean(answer.Interpretation), person.Needs.Other), now);
            if (answer.Sex is not null || answer.Organisation is not null || answer.Language is not null || answer.Group is not null)
                person.Update(Describe(person, answer), now);
            await db.SaveChangesAsync(ct);
            return (outcome, person);
        });
        await messages.AfterAnswerAsync(view.Session, person.Id, outcome, ct);
        // Organisers are told of declines and new transport needs (ids only: logs hold no personal data).
        if (outcome.Changed && outcome.Status == RsvpStatus.Declined)
            logger.LogInformation("Participant {ParticipantId} declined session {SessionId} through the web link.", person.Id, view.Session.Id);
        if (!hadTransport && person.Needs.Transport)
            logger.LogInformation("Participant {ParticipantId} needs transport for session {SessionId}.", person.Id, view.Session.Id);
        return outcome;
    }

    private static ParticipantDetails Describe(Participant p, WebAnswer a) => new()
    {
        FullName = p.FullName, FullNameAlt = p.FullNameAlt, Email = p.Email, Phone = p.Phone, TeamsObjectId = p.TeamsObjectId, TeamsUpn = p.TeamsUpn,
        Organisation = a.Organisation is null ? p.Organisation : Text.Clean(a.Organisation),
        Group = a.Group ?? p.Group, Sex = a.Sex ?? p.Sex, Language = a.Language ?? p.Language, TimeZoneId = p.TimeZoneId, Channel = p.Channel, Needs = p.Needs,
    };
}

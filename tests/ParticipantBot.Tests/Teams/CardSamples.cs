using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Email;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Tests.Teams;

/// <summary>Every card the bot sends, in every state and language, filled by the service's own factory.</summary>
public static class CardSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static CardFactory Factory()
    {
        var keys = new ParticipantBot.Security.SignedTokens(new EphemeralDataProtectionProvider(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));
        var app = Options.Create(new ParticipantBot.Configuration.AppOptions { PublicBaseUrl = "https://bot.example.org" });
        var contents = new ParticipantBot.Messages.MessageContents(new ParticipantBot.Rsvp.RsvpLinks(keys, app), new ParticipantBot.Surveys.SurveyLinks(keys, app));
        return new(new CardActionSigner(keys), Options.Create(new EmailOptions()), contents);
    }

    public static IEnumerable<(string Name, CardContent Content)> All()
    {
        var factory = Factory();
        var campaign = Campaign.Create("Consultations sectorielles – Tanger", "organiser", Now);
        var session = Session.Create(campaign.Id, "Gouvernance", new DateTime(2027, 2, 10, 9, 30, 0), new DateTime(2027, 2, 10, 13, 0, 0), TimeZones.Default,
            "Hôtel, Tanger", 24, [Language.Fr, Language.Ar], "Gouvernance numérique ; éthique de l'IA", new DateTime(2027, 2, 5, 18, 0, 0));
        foreach (var language in Enum.GetValues<Language>())
        {
            var code = language.Code();
            var person = Participant.Create(campaign.Id, new ParticipantDetails
            {
                FullName = "Fatima Zahra", Email = "fz@example.org", Group = "youth", Language = language, Channel = PreferredChannel.Teams, TeamsObjectId = "oid",
                Needs = new Needs(true, "végétarien"),
            }, Now);
            Invitation In(params RsvpStatus[] path)
            {
                var invitation = Invitation.Create(session.Id, person.Id, Now);
                foreach (var status in path) invitation.MoveTo(status, AnswerChannel.Teams, "p", Now);
                return invitation;
            }
            yield return ($"{code}-invitation", factory.InvitationContent(MessageKind.Invitation, campaign, session, person, In(RsvpStatus.Invited), "29:user", Now));
            yield return ($"{code}-accepted", factory.InvitationContent(MessageKind.Invitation, campaign, session, person, In(RsvpStatus.Invited, RsvpStatus.Accepted), "29:user", Now, "ok"));
            yield return ($"{code}-waitlisted", factory.InvitationContent(MessageKind.Waitlisted, campaign, session, person, In(RsvpStatus.Invited, RsvpStatus.Waitlisted), "29:user", Now));
            yield return ($"{code}-offered", factory.InvitationContent(MessageKind.SeatOffered, campaign, session, person, In(RsvpStatus.Invited, RsvpStatus.Waitlisted, RsvpStatus.Offered), "29:user", Now));
            yield return ($"{code}-update-declined", factory.InvitationContent(MessageKind.Update, campaign, session, person, In(RsvpStatus.Invited, RsvpStatus.Declined), null, Now));
            yield return ($"{code}-closed", factory.InvitationContent(MessageKind.Invitation, campaign, session, person, In(RsvpStatus.Invited, RsvpStatus.Accepted), "29:user", session.StartsAt.AddHours(1)));
            yield return ($"{code}-notice", factory.NoticeContent(language, "Card.NotYours.Title", "Card.NotYours.Text"));
            yield return ($"{code}-help", factory.HelpContent(language));
            yield return ($"{code}-invitations", factory.InvitationsContent(language, [new InvitationLine(session, RsvpStatus.Accepted), new InvitationLine(session, RsvpStatus.Waitlisted)]));
            yield return ($"{code}-invitations-empty", factory.InvitationsContent(language, []));
            yield return ($"{code}-digest", factory.DigestContent(language, campaign.Name, Now, [("Digest.Accepted", 4), ("Digest.Declined", 1), ("Digest.Needs", 2)],
                [("Digest.Declined", ["Omar El Khatib"]), ("Digest.Needs", ["Salma Tazi", "سلمى"])]));
            yield return ($"{code}-digest-empty", factory.DigestContent(language, campaign.Name, Now, [], []));
            var counts = new Dictionary<RsvpStatus, int> { [RsvpStatus.Invited] = 5, [RsvpStatus.Accepted] = 12, [RsvpStatus.Declined] = 2, [RsvpStatus.Waitlisted] = 1 };
            yield return ($"{code}-status", factory.StatusContent(language, [new SessionStatus(1, session, campaign.Name, counts), new SessionStatus(2, session, campaign.Name, new Dictionary<RsvpStatus, int>())]));
            yield return ($"{code}-status-detail", factory.StatusContent(language,
                [new SessionStatus(1, session, campaign.Name, counts, [("youth", Sex.Female, 7), ("migrant", Sex.Male, 4), ("youth", Sex.NotStated, 1)])]));
            yield return ($"{code}-status-empty", factory.StatusContent(language, []));
            var withCheckIn = Session.Create(campaign.Id, "Gouvernance", new DateTime(2027, 2, 10, 9, 30, 0), new DateTime(2027, 2, 10, 13, 0, 0), TimeZones.Default, "Hôtel, Tanger", 24);
            withCheckIn.AllowSelfCheckIn(true);
            yield return ($"{code}-check-in", factory.InvitationContent(MessageKind.CheckIn, campaign, withCheckIn, person, In(RsvpStatus.Invited, RsvpStatus.Accepted), "29:user", withCheckIn.StartsAt.AddMinutes(-20)));
            var survey = Domain.Surveys.Survey.Create(campaign.Id, session.Id, ParticipantBot.Surveys.DefaultSurvey.Questions(), Now);
            yield return ($"{code}-survey", factory.SurveyContent(survey, session, person, "token"));
            yield return ($"{code}-survey-problems", factory.SurveyContent(survey, session, person, "token",
                [new Domain.Surveys.SurveyAnswer("satisfaction", Rating: 4), new Domain.Surveys.SurveyAnswer("priorities", Choices: ["health", "housing"])],
                ["« Utilité » demande une réponse.", "« Priorités » : choisissez trois priorités différentes."]));
            yield return ($"{code}-check-in-closed", factory.CheckInContent(language, new ParticipantBot.Invitations.SelfCheckInResult(null, false)));
            yield return ($"{code}-confirm", factory.ConfirmContent(language, "Relancer ?", "5 personnes", session.Id, "oid", ("Relancer", "organiser.remind", "positive"), ("Annuler", "organiser.remind.cancel")));
        }
    }
}

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using ParticipantBot.Configuration;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Email;
using ParticipantBot.Messages;
using ParticipantBot.Rsvp;
using ParticipantBot.Surveys;
using ParticipantBot.Teams.Cards;

namespace ParticipantBot.Tests.Messages;

/// <summary>The email and the Teams card of every kind of message say the same things, because both render one content.</summary>
public sealed partial class MessageContentTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Every kind a session sends both by email and as the invitation card.</summary>
    public static TheoryData<MessageKind, Language> KindsAndLanguages()
    {
        var data = new TheoryData<MessageKind, Language>();
        foreach (var kind in new[] { MessageKind.Invitation, MessageKind.Update, MessageKind.Reminder, MessageKind.Waitlisted, MessageKind.SeatOffered,
                     MessageKind.DayBefore, MessageKind.Today, MessageKind.Cancellation, MessageKind.Withdrawal })
            foreach (var language in Enum.GetValues<Language>()) data.Add(kind, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void CardAndEmail_OfEachKind_GiveTheSameHeadingIntroAndFacts(MessageKind kind, Language language)
    {
        var (campaign, session, person, invitation) = Scene(language, kind);
        var (contents, composer, cards) = Renderers();

        var mime = composer.Compose(OutboundMessage.Plan(campaign.Id, session.Id, person.Id, kind, session.Sequence, DeliveryChannel.Email, Now, Now),
            campaign, session, person, invitation);
        var card = cards.Invitation(kind, campaign, session, person, invitation, "29:user", Now);
        var content = contents.For(kind, campaign, session, person, invitation, Now);

        var cardFacts = card["body"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray()).Select(f => ((string)f!["title"]!, (string)f["value"]!)).ToList();
        var html = mime.HtmlBody ?? "";
        var emailFacts = FactRow().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        var expected = content.Facts.Select(f => (f.Label, f.Value)).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, cardFacts);
        Assert.Equal(expected, emailFacts);
        foreach (var (label, value) in expected) Assert.Contains($"{label}: {value}", mime.TextBody);

        var cardTexts = card["body"]!.AsArray().OfType<JsonObject>().Select(e => (string?)e["text"]).OfType<string>().ToList();
        Assert.Contains(content.Heading, cardTexts);
        Assert.Contains(content.Title, cardTexts);
        Assert.Contains(content.Intro, cardTexts);
        Assert.Contains(content.Intro, mime.TextBody);
        Assert.Equal(content.Subject, mime.Subject);
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void CardButtons_AreTheAnswersTheContentOffers_AndTheEmailLinksToThePageThatTakesThem(MessageKind kind, Language language)
    {
        var (campaign, session, person, invitation) = Scene(language, kind);
        var (contents, composer, cards) = Renderers();
        var content = contents.For(kind, campaign, session, person, invitation, Now);
        var card = cards.Invitation(kind, campaign, session, person, invitation, "29:user", Now);

        var verbs = card.ToJsonString();
        foreach (var (reply, verb) in new[] { (RsvpResponse.Accept, "rsvp.accept"), (RsvpResponse.Tentative, "rsvp.tentative"), (RsvpResponse.Decline, "rsvp.decline") })
            Assert.Equal(content.Replies.Contains(reply), verbs.Contains($"\"{verb}\"", StringComparison.Ordinal));
        var mime = composer.Compose(OutboundMessage.Plan(campaign.Id, session.Id, person.Id, kind, session.Sequence, DeliveryChannel.Email, Now, Now),
            campaign, session, person, invitation);
        // Each token is sealed afresh (Data Protection adds randomness): the link is compared by where it leads.
        if (content.Link is { } link) Assert.Contains(link.Url.GetLeftPart(UriPartial.Authority) + "/rsvp/", mime.TextBody);
        else Assert.DoesNotContain("/rsvp/", mime.TextBody);
        Assert.Equal(kind is MessageKind.Cancellation or MessageKind.Withdrawal, content.Link is null);
    }

    [Fact]
    public void TheDeadline_IsShownWhileThePersonMayAnswer_AndNotOnceItHasPassed()
    {
        var (campaign, session, person, invitation) = Scene(Language.Fr, MessageKind.Invitation);
        var (contents, _, _) = Renderers();
        var before = contents.For(MessageKind.Invitation, campaign, session, person, invitation, Now);
        var after = contents.For(MessageKind.Reminder, campaign, session, person, invitation, session.AnswerDeadline!.Value.AddMinutes(1));

        Assert.Contains(new MessageFact("Merci de répondre avant le", "vendredi 5 février 2027 à 18:00 (heure du Maroc)"), before.Facts);
        Assert.Equal(session.AnswerDeadline, before.Deadline);
        Assert.Null(after.Deadline);
        Assert.Equal(before.Facts.Count - 1, after.Facts.Count);
    }

    private static (Campaign, Session, Participant, Invitation) Scene(Language language, MessageKind kind)
    {
        var campaign = Campaign.Create("Consultations – Tanger", "organiser", Now);
        var session = Session.Create(campaign.Id, "Gouvernance", new DateTime(2027, 2, 10, 9, 30, 0), new DateTime(2027, 2, 10, 13, 0, 0), TimeZones.Default,
            "Hôtel, Tanger", 24, [Language.Fr, Language.Ar], "Gouvernance numérique", new DateTime(2027, 2, 5, 18, 0, 0));
        var person = Participant.Create(campaign.Id, new ParticipantDetails
        {
            FullName = "Fatima Zahra", Email = "fz@example.org", Group = "youth", Language = language, Channel = PreferredChannel.Email,
            Needs = new Needs(true, null),
        }, Now);
        var invitation = Invitation.Create(session.Id, person.Id, Now);
        invitation.MoveTo(RsvpStatus.Invited, AnswerChannel.Email, "p", Now);
        if (kind is MessageKind.Waitlisted) invitation.MoveTo(RsvpStatus.Waitlisted, AnswerChannel.Email, "p", Now);
        if (kind is MessageKind.SeatOffered) { invitation.MoveTo(RsvpStatus.Waitlisted, AnswerChannel.Email, "p", Now); invitation.MoveTo(RsvpStatus.Offered, AnswerChannel.Email, "p", Now); }
        if (kind is MessageKind.DayBefore or MessageKind.Today) invitation.MoveTo(RsvpStatus.Accepted, AnswerChannel.Email, "p", Now);
        if (kind is MessageKind.Withdrawal) invitation.MoveTo(RsvpStatus.Withdrawn, AnswerChannel.Email, "p", Now);
        if (kind is MessageKind.Cancellation) { session.Cancel(); invitation.MoveTo(RsvpStatus.Cancelled, AnswerChannel.Email, "p", Now); }
        return (campaign, session, person, invitation);
    }

    private static (MessageContents, EmailComposer, CardFactory) Renderers()
    {
        var clock = new FakeTimeProvider(Now);
        var keys = new ParticipantBot.Security.SignedTokens(new EphemeralDataProtectionProvider(), clock);
        var app = Options.Create(new AppOptions { PublicBaseUrl = "https://bot.example.org" });
        var contents = new MessageContents(new RsvpLinks(keys, app), new SurveyLinks(keys, app));
        var email = Options.Create(new EmailOptions());
        return (contents, new EmailComposer(email, contents, clock), new CardFactory(new CardActionSigner(keys), email, contents));
    }

    [GeneratedRegex("<tr><th[^>]*>(.*?)</th><td[^>]*>(.*?)</td></tr>")]
    private static partial Regex FactRow();
}

using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Resources;
using ParticipantBot.Rsvp;
using ParticipantBot.Surveys;

namespace ParticipantBot.Messages;

/// <summary>
/// The one place that decides what a message about a session says: its words per kind, the facts, the
/// deadline (<see cref="Answering.DeadlineToShow"/>), the answers offered and the link. Channels render it.
/// </summary>
public sealed class MessageContents(RsvpLinks rsvpLinks, SurveyLinks surveyLinks)
{
    public MessageContent For(MessageKind kind, Campaign campaign, Session session, Participant person, Invitation invitation, DateTimeOffset now)
    {
        var lang = person.Language;
        var words = MessageKinds.For(kind);
        var isSurvey = MessageKinds.IsSurvey(kind);
        var zone = SpokenTime.ZoneOf(session, person.TimeZoneId);
        var when = SpokenTime.When(session, zone, lang);
        var canAnswer = !isSurvey && Answering.IsOpen(session, invitation.Status, now);
        var deadline = isSurvey ? null : Answering.DeadlineToShow(session, invitation.Status, now);

        var facts = new List<MessageFact> { new(Texts.Get("Label.When", lang), when) };
        if (session.Venue is { } venue) facts.Add(new(Texts.Get("Label.Where", lang), venue));
        if (session.Agenda is { } agenda) facts.Add(new(Texts.Get("Label.Agenda", lang), agenda));
        if (deadline is { } by) facts.Add(new(Texts.Get("Label.Deadline", lang), SpokenTime.At(by, zone, lang)));
        if (person.Needs.Transport && kind is MessageKind.DayBefore or MessageKind.Today)
            facts.Add(new(Texts.Get("Label.Transport", lang), Texts.Get("Value.TransportArranged", lang)));

        var replies = new List<RsvpResponse>();
        if (canAnswer)
        {
            if (invitation.Status is not (RsvpStatus.Accepted or RsvpStatus.Waitlisted)) replies.Add(RsvpResponse.Accept);
            if (invitation.Status != RsvpStatus.Tentative) replies.Add(RsvpResponse.Tentative);
            if (invitation.Status != RsvpStatus.Declined) replies.Add(RsvpResponse.Decline);
        }

        var link = isSurvey
            ? new MessageLink(surveyLinks.For(session.Id, person.Id), Texts.Get("Email.Survey.Call", lang), Texts.Get("Email.Survey.Button", lang))
            : MessageKinds.IsCancellation(kind) ? null
            : new MessageLink(rsvpLinks.For(invitation.Id, person.Id, session), Texts.Get("Email.Rsvp.Call", lang), Texts.Get("Email.Rsvp.Button", lang));

        // The session's title in the person's language when the organiser gave one, else the title.
        var title = session.TitleIn(lang);
        return new MessageContent(
            kind, lang,
            Subject: Texts.Format(words.Subject, lang, title),
            Heading: Texts.Format(words.Heading, lang, isSurvey ? title : campaign.Name),
            Title: title,
            Greeting: Texts.Format("Email.Greeting", lang, person.FullName),
            Intro: Texts.Format(words.Intro, lang, title, campaign.Name),
            When: when,
            Facts: facts,
            Deadline: deadline,
            CanAnswer: canAnswer,
            Status: invitation.Status,
            Replies: replies,
            // On Accept, the card asks for optional needs and consent.
            AsksForNeeds: canAnswer && invitation.Status is RsvpStatus.Accepted or RsvpStatus.Waitlisted,
            CanCheckIn: session.IsSelfCheckInOpen(now) && Invitations.SelfCheckIn.CanCheckIn(invitation.Status),
            Link: link,
            Footer: Texts.Get("Email.Footer", lang),
            IsMeeting: MessageKinds.IsMeeting(kind),
            IsCancellation: MessageKinds.IsCancellation(kind));
    }
}

using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Resources;
using ParticipantBot.Rsvp;

namespace ParticipantBot.Email;

/// <summary>A message's words in one language: subject, plain text, HTML (right-to-left for Arabic) and the personal RSVP link.</summary>
/// <param name="IsMeeting">An invitation, update, seat offer or cancellation: it carries (or is) a meeting request.</param>
public sealed record EmailContent(string Subject, string Text, string Html, Uri? Link, bool IsMeeting, bool IsCancellation);

/// <summary>
/// The one place that writes participant emails: one recipient per message, in their language
/// (Arabic right-to-left), with their personal RSVP link and, for invitations, updates and
/// cancellations, their own meeting request.
/// </summary>
public sealed class EmailComposer(IOptions<EmailOptions> options, RsvpLinks links, Surveys.SurveyLinks surveyLinks, TimeProvider clock)
{
    public MimeMessage Compose(OutboundMessage message, Campaign campaign, Session session, Participant person, Guid invitationId)
    {
        var email = person.Email ?? throw new InvalidOperationException("The participant has no email address.");
        var o = options.Value;
        var lang = person.Language;
        var content = Content(message, campaign, session, person, invitationId);
        var (subject, link) = (content.Subject, content.Link);

        // Header values are one line of printable text whatever the data holds (MimeKit then encodes them, RFC 2047):
        // a line break in a name or a title cannot start a header of its own.
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(HeaderText(o.FromName), o.FromAddress));
        mime.To.Add(new MailboxAddress(HeaderText(person.FullName), email));
        mime.Subject = HeaderText(subject);
        mime.MessageId = $"{message.Id:N}@participantbot";
        mime.Date = clock.GetUtcNow();
        mime.Headers.Add("Content-Language", lang.Code());

        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = content.Text },
            new TextPart("html") { Text = content.Html },
        };
        if (content.IsMeeting)
        {
            var cancel = content.IsCancellation;
            var ics = IcsBuilder.Build(new IcsRequest(session, Uid(session, person), session.Sequence, cancel,
                o.FromName, o.FromAddress, person.FullName, email, session.TitleIn(lang), content.Text, link, clock.GetUtcNow()));
            var calendar = new TextPart("calendar") { Text = ics };
            calendar.ContentType.Parameters.Add("method", cancel ? "CANCEL" : "REQUEST");
            calendar.ContentType.Charset = "utf-8";
            alternative.Add(calendar);
        }
        mime.Body = alternative;
        // Transfer encodings that every mail server accepts (quoted-printable or base64 as fits each part).
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    /// <summary>What a message says, in the person's language: for the email here, or for an Outlook event or sendMail.</summary>
    public EmailContent Content(OutboundMessage message, Campaign campaign, Session session, Participant person, Guid invitationId)
    {
        var lang = person.Language;
        var (subjectKey, introKey) = message.Kind switch
        {
            MessageKind.Update => ("Email.Update.Subject", "Email.Update.Intro"),
            MessageKind.Cancellation => ("Email.Cancellation.Subject", "Email.Cancellation.Intro"),
            MessageKind.Withdrawal => ("Email.Withdrawal.Subject", "Email.Withdrawal.Intro"),
            MessageKind.Waitlisted => ("Email.Waitlisted.Subject", "Email.Waitlisted.Intro"),
            MessageKind.SeatOffered => ("Email.SeatOffered.Subject", "Email.SeatOffered.Intro"),
            MessageKind.Reminder => ("Email.Reminder.Subject", "Email.Reminder.Intro"),
            MessageKind.DayBefore => ("Email.DayBefore.Subject", "Email.DayBefore.Intro"),
            MessageKind.Today => ("Email.Today.Subject", "Email.Today.Intro"),
            MessageKind.Survey => ("Email.Survey.Subject", "Email.Survey.Intro"),
            MessageKind.SurveyReminder => ("Email.SurveyReminder.Subject", "Email.SurveyReminder.Intro"),
            _ => ("Email.Invitation.Subject", "Email.Invitation.Intro"),
        };
        var isSurvey = message.Kind is MessageKind.Survey or MessageKind.SurveyReminder;
        var withLink = message.Kind is not (MessageKind.Cancellation or MessageKind.Withdrawal);
        // A survey's link is to its form; every other message's to the RSVP page.
        var link = isSurvey ? surveyLinks.For(session.Id, person.Id) : withLink ? links.For(invitationId, person.Id, session) : null;
        var (callKey, buttonKey) = isSurvey ? ("Email.Survey.Call", "Email.Survey.Button") : ("Email.Rsvp.Call", "Email.Rsvp.Button");
        var title = session.TitleIn(lang);
        var subject = Texts.Format(subjectKey, lang, title);
        var intro = Texts.Format(introKey, lang, title, campaign.Name);
        var when = $"{Texts.DateTime(session.LocalStart, lang)} – {session.LocalEnd:HH:mm} ({Texts.Format("Label.TimeZone", lang, session.TimeZoneId)})";
        var details = new List<(string Label, string Value)> { (Texts.Get("Label.When", lang), when) };
        if (session.Venue is { } venue) details.Add((Texts.Get("Label.Where", lang), venue));
        if (session.Agenda is { } agenda) details.Add((Texts.Get("Label.Agenda", lang), agenda));
        if (session.LocalAnswerDeadline is { } deadline && message.Kind is MessageKind.Invitation or MessageKind.Update or MessageKind.Reminder)
            details.Add((Texts.Get("Label.Deadline", lang), Texts.DateTime(deadline, lang)));
        if (person.Needs.Transport && message.Kind is MessageKind.DayBefore or MessageKind.Today)
            details.Add((Texts.Get("Label.Transport", lang), Texts.Get("Value.TransportArranged", lang)));

        var text = new StringBuilder()
            .AppendLine(Texts.Format("Email.Greeting", lang, person.FullName)).AppendLine()
            .AppendLine(intro).AppendLine();
        foreach (var (label, value) in details) text.Append(label).Append(": ").AppendLine(value);
        if (link is not null) text.AppendLine().AppendLine(Texts.Get(callKey, lang)).AppendLine(link.ToString());
        text.AppendLine().AppendLine(Texts.Get("Email.Footer", lang));
        return new EmailContent(subject, text.ToString(), Html(lang, subject, person.FullName, intro, details, link, callKey, buttonKey), link,
            message.Kind is MessageKind.Invitation or MessageKind.Update or MessageKind.SeatOffered or MessageKind.Cancellation or MessageKind.Withdrawal,
            message.Kind is MessageKind.Cancellation or MessageKind.Withdrawal);
    }

    // Keeps Arabic and accented letters readable in the HTML source; markup characters are still encoded.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>A text for an email header: one line, printable, at most 300 characters.</summary>
    public static string HeaderText(string? value) => Text.Printable(value, max: 300).Trim();

    /// <summary>The same for every message about this session to this person, so that calendars replace rather than add.</summary>
    public static string Uid(Session session, Participant person) => $"{session.Id:N}-{person.Id:N}@participantbot";

    private static string Html(Language lang, string subject, string name, string intro, List<(string Label, string Value)> details, Uri? link,
        string callKey, string buttonKey)
    {
        static string E(string s) => Encoder.Encode(s);
        var dir = Texts.Direction(lang);
        var align = dir == "rtl" ? "right" : "left";
        var sb = new StringBuilder()
            .Append($"<!DOCTYPE html><html lang=\"{lang.Code()}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head>")
            .Append($"<body style=\"font-family:Segoe UI,Tahoma,Arial,sans-serif;text-align:{align};color:#242424\">")
            .Append($"<p>{E(Texts.Format("Email.Greeting", lang, name))}</p><p>{E(intro)}</p><table role=\"presentation\">");
        foreach (var (label, value) in details)
            sb.Append($"<tr><th style=\"text-align:{align};padding:4px 12px 4px 0\">{E(label)}</th><td style=\"padding:4px 0\">{E(value)}</td></tr>");
        sb.Append("</table>");
        if (link is not null)
            sb.Append($"<p>{E(Texts.Get(callKey, lang))}</p>")
              .Append($"<p><a href=\"{E(link.ToString())}\" style=\"display:inline-block;background:#0B6A7A;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none\">{E(Texts.Get(buttonKey, lang))}</a></p>");
        sb.Append($"<p style=\"color:#616161;font-size:12px\">{E(Texts.Get("Email.Footer", lang))}</p></body></html>");
        return sb.ToString();
    }
}

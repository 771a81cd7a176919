using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using ParticipantBot.Domain.Campaigns;
using ParticipantBot.Domain.Common;
using ParticipantBot.Domain.Invitations;
using ParticipantBot.Domain.Messages;
using ParticipantBot.Domain.Participants;
using ParticipantBot.Messages;

namespace ParticipantBot.Email;

/// <summary>A message's words in one language: subject, plain text, HTML (right-to-left for Arabic) and the personal link.</summary>
/// <param name="IsMeeting">An invitation, update, seat offer or cancellation: it carries (or is) a meeting request.</param>
public sealed record EmailContent(string Subject, string Text, string Html, Uri? Link, bool IsMeeting, bool IsCancellation);

/// <summary>
/// Renders a message's content (<see cref="MessageContents"/>) as an email: one recipient per message, in their
/// language (Arabic right-to-left), with their personal link and, for invitations, updates and cancellations,
/// their own meeting request. It decides no words of its own.
/// </summary>
public sealed class EmailComposer(IOptions<EmailOptions> options, MessageContents contents, TimeProvider clock)
{
    public MimeMessage Compose(OutboundMessage message, Campaign campaign, Session session, Participant person, Invitation invitation)
    {
        var email = person.Email ?? throw new InvalidOperationException("The participant has no email address.");
        var o = options.Value;
        var lang = person.Language;
        var content = Content(message, campaign, session, person, invitation);

        // Header values are one line of printable text whatever the data holds (MimeKit then encodes them, RFC 2047):
        // a line break in a name or a title cannot start a header of its own.
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(HeaderText(o.FromName), o.FromAddress));
        mime.To.Add(new MailboxAddress(HeaderText(person.FullName), email));
        mime.Subject = HeaderText(content.Subject);
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
                o.FromName, o.FromAddress, person.FullName, email, session.TitleIn(lang), content.Text, content.Link, clock.GetUtcNow()));
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

    /// <summary>What a message says, rendered for email: here, or for an Outlook event or sendMail.</summary>
    public EmailContent Content(OutboundMessage message, Campaign campaign, Session session, Participant person, Invitation invitation) =>
        Render(contents.For(message.Kind, campaign, session, person, invitation, clock.GetUtcNow()));

    /// <summary>The plain text and the HTML of a message's content.</summary>
    public static EmailContent Render(MessageContent c)
    {
        var text = new StringBuilder().AppendLine(c.Greeting).AppendLine().AppendLine(c.Intro).AppendLine();
        foreach (var fact in c.Facts) text.Append(fact.Label).Append(": ").AppendLine(fact.Value);
        if (c.Link is { } link) text.AppendLine().AppendLine(link.Call).AppendLine(link.Url.ToString());
        text.AppendLine().AppendLine(c.Footer);
        return new EmailContent(c.Subject, text.ToString(), Html(c), c.Link?.Url, c.IsMeeting, c.IsCancellation);
    }

    // Keeps Arabic and accented letters readable in the HTML source; markup characters are still encoded.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>A text for an email header: one line, printable, at most 300 characters.</summary>
    public static string HeaderText(string? value) => Text.Printable(value, max: 300).Trim();

    /// <summary>The same for every message about this session to this person, so that calendars replace rather than add.</summary>
    public static string Uid(Session session, Participant person) => $"{session.Id:N}-{person.Id:N}@participantbot";

    private static string Html(MessageContent c)
    {
        static string E(string s) => Encoder.Encode(s);
        var lang = c.Language;
        var dir = c.IsRightToLeft ? "rtl" : "ltr";
        var align = c.IsRightToLeft ? "right" : "left";
        var sb = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{lang.Code()}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{E(c.Subject)}</title></head>")
            .Append(CultureInfo.InvariantCulture, $"<body style=\"font-family:Segoe UI,Tahoma,Arial,sans-serif;text-align:{align};color:#242424\">")
            .Append(CultureInfo.InvariantCulture, $"<p>{E(c.Greeting)}</p><p>{E(c.Intro)}</p><table role=\"presentation\">");
        foreach (var fact in c.Facts)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><th style=\"text-align:{align};padding:4px 12px 4px 0\">{E(fact.Label)}</th><td style=\"padding:4px 0\">{E(fact.Value)}</td></tr>");
        sb.Append("</table>");
        if (c.Link is { } link)
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(link.Call)}</p>")
              .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(link.Url.ToString())}\" style=\"display:inline-block;background:#0B6A7A;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none\">{E(link.Button)}</a></p>");
        sb.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#616161;font-size:12px\">{E(c.Footer)}</p></body></html>");
        return sb.ToString();
    }
}

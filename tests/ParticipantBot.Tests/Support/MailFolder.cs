using Ical.Net;
using MimeKit;

namespace ParticipantBot.Tests.Support;

/// <summary>The outbox folder of a service under test, read back with MimeKit and Ical.Net.</summary>
public sealed class MailFolder(string folder)
{
    public IReadOnlyList<MimeMessage> All() =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public IReadOnlyList<string> Files() => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Order().ToList() : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, Func<MimeMessage, bool>? which = null) =>
        await Eventually.WaitAsync(() => Task.FromResult(All().Where(which ?? (_ => true)).ToList()), l => l.Count >= count, $"{count} email(s) in {folder}");

    public static TextPart Calendar(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));

    public static Calendar Ics(MimeMessage message) => Ical.Net.Calendar.Load(Calendar(message).Text) ?? throw new InvalidOperationException("no calendar");

    public static string Html(MimeMessage message) => message.HtmlBody ?? throw new InvalidOperationException("no HTML part");

    public static Uri RsvpLink(MimeMessage message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+/rsvp/[A-Za-z0-9_\-]+");
        Assert.True(match.Success, "no RSVP link in the email");
        return new Uri(match.Value);
    }

    public static Uri SurveyLink(MimeMessage message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+/survey/[A-Za-z0-9_\-]+");
        Assert.True(match.Success, "no survey link in the email");
        return new Uri(match.Value);
    }
}

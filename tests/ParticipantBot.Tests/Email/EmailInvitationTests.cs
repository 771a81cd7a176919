using System.Net;
using MimeKit;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Email;

/// <summary>Email invitations with no cloud: real .eml files in the outbox folder, read back with MimeKit and Ical.Net.</summary>
public sealed class EmailInvitationTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = service.CreateClient();

    private async Task<(string Campaign, string Session, Dictionary<string, string> People)> InvitedSessionAsync(string start = "2027-02-10T10:00", string end = "2027-02-10T12:30")
    {
        var s = new Scenario(_client);
        var campaign = await s.CampaignAsync();
        var session = (await _client.PostJsonAsync($"/api/campaigns/{campaign}/sessions",
            new { title = "Inclusion numérique", start, end, venue = "Maison des jeunes, Tanger", capacity = 20, agenda = "Risques numériques", answerDeadline = "2027-02-05T18:00" },
            HttpStatusCode.Created)).Str("id");
        var people = new Dictionary<string, string>();
        foreach (var (name, email, language, channel) in new[]
                 {
                     ("Salma Tazi", $"salma.{campaign[..8]}@example.org", "fr", "email"),
                     ("يوسف بناني", $"youssef.{campaign[..8]}@example.org", "ar", "both"),
                     ("Grace Okafor", $"grace.{campaign[..8]}@example.org", "en", "email"),
                 })
        {
            var created = await _client.PostJsonAsync($"/api/campaigns/{campaign}/participants",
                new { fullName = name, email, group = "youth", sex = "female", language, channel }, HttpStatusCode.Created);
            people[email] = created["participant"].Str("id");
        }
        var teamsOnly = await _client.PostJsonAsync($"/api/campaigns/{campaign}/participants",
            new { fullName = "Megan Bowen", teamsObjectId = "00000000-0000-0000-0000-0000000000021", group = "youth", channel = "teams" }, HttpStatusCode.Created);
        people["(teams only)"] = teamsOnly["participant"].Str("id");
        await _client.PostJsonAsync($"/api/sessions/{session}/invitations", new { all = true }, HttpStatusCode.Accepted);
        return (campaign, session, people);
    }

    private IReadOnlyList<MimeMessage> MailTo(string address) => new MailFolder(Path.Combine(service.Folder, "outbox")).To(address);

    private async Task<IReadOnlyList<MimeMessage>> WaitForMailAsync(string address, int count) =>
        await Eventually.WaitAsync(() => Task.FromResult(MailTo(address)), l => l.Count >= count, $"{count} email(s) to {address}");

    [Fact]
    public async Task Invitation_IsOneEmailPerPerson_WithTheirOwnMeetingRequest_AndNobodyElsesAddress()
    {
        var (_, session, people) = await InvitedSessionAsync();
        var emails = people.Keys.Where(k => k.Contains('@')).ToList();
        foreach (var address in emails)
        {
            var mail = Assert.Single(await WaitForMailAsync(address, 1));
            Assert.Equal([address], mail.To.Mailboxes.Select(m => m.Address));
            Assert.Empty(mail.Cc);
            Assert.Empty(mail.Bcc);
            var raw = File.ReadAllText(new MailFolder(Path.Combine(service.Folder, "outbox")).Files().Single(f => MimeMessage.Load(f).To.Mailboxes.Any(m => m.Address == address)));
            foreach (var other in emails.Where(e => e != address)) Assert.DoesNotContain(other, raw, StringComparison.OrdinalIgnoreCase);

            var part = MailFolder.Calendar(mail);
            Assert.Equal("REQUEST", part.ContentType.Parameters["method"]);
            var calendar = MailFolder.Ics(mail);
            Assert.Equal("REQUEST", calendar.Method);
            var e = Assert.Single(calendar.Events);
            Assert.Equal($"{session.Replace("-", "")}-{people[address].Replace("-", "")}@participantbot", e.Uid);
            Assert.Equal(0, e.Sequence);
            var attendee = Assert.Single(e.Attendees);
            Assert.Equal("mailto:" + address, attendee.Value!.ToString(), ignoreCase: true);
            Assert.True(attendee.Rsvp);
            Assert.Equal("Africa/Casablanca", e.DtStart!.TzId);
            Assert.Equal(new DateTime(2027, 2, 10, 10, 0, 0), e.DtStart.Value);
            Assert.Contains("mailto:", e.Organizer!.Value!.ToString());
            Assert.Equal("Maison des jeunes, Tanger", e.Location);
            Assert.Contains("/rsvp/", MailFolder.RsvpLink(mail).AbsolutePath);
        }
    }

    [Fact]
    public async Task Invitation_DuringRamadan_IsAtTheRightTime_InTheMeetingRequestsOwnTimeZone()
    {
        var (_, _, during) = await InvitedSessionAsync(start: "2027-02-10T10:00", end: "2027-02-10T12:30");
        var (_, _, after) = await InvitedSessionAsync(start: "2027-03-16T10:00", end: "2027-03-16T12:30");
        var duringIcs = MailFolder.Calendar(Assert.Single(await WaitForMailAsync(during.Keys.First(k => k.StartsWith("salma.")), 1))).Text;
        var afterIcs = MailFolder.Calendar(Assert.Single(await WaitForMailAsync(after.Keys.First(k => k.StartsWith("salma.")), 1))).Text;
        Assert.Contains("DTSTART;TZID=Africa/Casablanca:20270210T100000", duringIcs);
        Assert.Contains("DTSTART;TZID=Africa/Casablanca:20270316T100000", afterIcs);
        // A client reading the VTIMEZONE puts 10:00 local at 10:00 UTC in Ramadan, at 09:00 UTC before and after it.
        Assert.Equal(TimeSpan.Zero, VTimeZoneReader.OffsetAt(duringIcs, new DateTime(2027, 2, 10, 10, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(1), VTimeZoneReader.OffsetAt(duringIcs, new DateTime(2027, 2, 5, 10, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(1), VTimeZoneReader.OffsetAt(afterIcs, new DateTime(2027, 3, 16, 10, 0, 0)));
    }

    [Fact]
    public async Task Email_IsInThePersonsLanguage_ArabicRightToLeft()
    {
        var (_, _, people) = await InvitedSessionAsync();
        var arabic = Assert.Single(await WaitForMailAsync(people.Keys.First(k => k.StartsWith("youssef.")), 1));
        Assert.Contains("dir=\"rtl\"", MailFolder.Html(arabic));
        Assert.Contains("lang=\"ar\"", MailFolder.Html(arabic));
        Assert.StartsWith("دعوة", arabic.Subject);
        Assert.Contains("مرحباً يوسف بناني", arabic.TextBody);
        var french = Assert.Single(await WaitForMailAsync(people.Keys.First(k => k.StartsWith("salma.")), 1));
        Assert.Contains("dir=\"ltr\"", MailFolder.Html(french));
        Assert.StartsWith("Invitation : ", french.Subject);
        Assert.Contains("mercredi 10 février 2027 à 10:00", french.TextBody);
        var english = Assert.Single(await WaitForMailAsync(people.Keys.First(k => k.StartsWith("grace.")), 1));
        Assert.Contains("Wednesday 10 February 2027, 10:00", english.TextBody);
    }

    [Fact]
    public async Task SentInvitation_MovesToInvited_AndTheOutboxSaysWhoCouldNotBeReached()
    {
        var (_, session, people) = await InvitedSessionAsync();
        var messages = await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/messages"),
            m => m.AsArray().Count(x => x.Str("kind") == "invitation" && x.Str("status") == "sent") == 3, "three sent messages");
        var megan = messages.AsArray().Where(m => m.Str("participantId") == people["(teams only)"] && m.Str("kind") == "invitation").ToList();
        Assert.All(megan, m => Assert.Equal("skipped", m.Str("status")));
        Assert.Contains(megan, m => m.Str("reason").Contains("No channel can reach"));
        Assert.Contains(megan, m => m.Str("channel") == "teams" && m.Str("reason").Contains("not installed"));
        // Youssef asked for Teams and email: Teams cannot reach him, so the email carries it, and the reason is kept.
        var youssef = people.Single(p => p.Key.StartsWith("youssef.")).Value;
        Assert.Contains(messages.AsArray(), m => m.Str("participantId") == youssef && m.Str("channel") == "teams" && m.Str("reason").Contains("Sent by email instead"));
        var sent = messages.AsArray().First(m => m.Str("status") == "sent" && m.Str("kind") == "invitation");
        Assert.Equal("invitation", sent.Str("kind"));
        Assert.Equal("email", sent.Str("channel"));
        Assert.Equal(DateTimeOffset.Parse(sent.Str("dueAt")), DateTimeOffset.Parse(sent.Str("dueAtLocal"))); // the same instant, shown in the session's zone

        var invitations = (await _client.GetJsonAsync($"/api/sessions/{session}/invitations")).AsArray();
        Assert.Equal(3, invitations.Count(i => i.Str("status") == "invited" && i.Str("channel") == "email"));
        Assert.Equal("notSent", invitations.Single(i => i.Str("participantId") == people["(teams only)"]).Str("status"));
    }

    [Fact]
    public async Task MovingTheSession_SendsAnUpdate_WithTheSameUidAndAHigherSequence_ThenCancellingSendsACancel()
    {
        var (_, session, people) = await InvitedSessionAsync();
        var salma = people.Keys.First(k => k.StartsWith("salma."));
        await WaitForMailAsync(salma, 1);
        await _client.PatchJsonAsync($"/api/sessions/{session}", new { venue = "Salle polyvalente, Tanger" });
        var afterUpdate = await WaitForMailAsync(salma, 2);
        var update = afterUpdate.Single(m => m.Subject!.StartsWith("Modification"));
        var original = afterUpdate.Single(m => m.Subject!.StartsWith("Invitation"));
        var updated = Assert.Single(MailFolder.Ics(update).Events);
        Assert.Equal(Assert.Single(MailFolder.Ics(original).Events).Uid, updated.Uid);
        Assert.Equal(1, updated.Sequence);
        Assert.Equal("Salle polyvalente, Tanger", updated.Location);

        await _client.PostJsonAsync($"/api/sessions/{session}/cancel", new { }, HttpStatusCode.OK);
        var cancel = (await WaitForMailAsync(salma, 3)).Single(m => m.Subject!.StartsWith("Annulation"));
        var cancelled = MailFolder.Ics(cancel);
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal("CANCEL", MailFolder.Calendar(cancel).ContentType.Parameters["method"]);
        Assert.Equal(updated.Uid, Assert.Single(cancelled.Events).Uid);
        Assert.Equal(2, cancelled.Events.Single().Sequence);
        Assert.Equal("CANCELLED", cancelled.Events.Single().Status);
    }

    [Fact]
    public async Task Withdrawing_SendsThatPersonACancelOfTheirMeeting_AndNobodyElse()
    {
        var (_, session, people) = await InvitedSessionAsync();
        var salma = people.Keys.First(k => k.StartsWith("salma."));
        var others = people.Keys.Where(k => k != salma && !k.StartsWith('(')).ToList();
        var original = Assert.Single(await WaitForMailAsync(salma, 1));
        await _client.PostJsonAsync($"/api/sessions/{session}/invitations/{people[salma]}/withdraw", new { }, HttpStatusCode.OK);
        var withdrawal = (await WaitForMailAsync(salma, 2)).Single(m => m.Subject!.StartsWith("Invitation retirée"));
        var cancelled = MailFolder.Ics(withdrawal);
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal(Assert.Single(MailFolder.Ics(original).Events).Uid, Assert.Single(cancelled.Events).Uid);
        Assert.DoesNotContain("/rsvp/", withdrawal.TextBody);
        await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/messages"),
            m => m.AsArray().All(x => x.Str("status") != "planned" || x.Str("kind") != "withdrawal"), "dispatch");
        Assert.All(others, o => Assert.DoesNotContain(MailTo(o), m => m.Subject!.StartsWith("Invitation retirée")));
    }

    [Fact]
    public async Task InvitingAgain_SendsNothingTwice()
    {
        var (_, session, people) = await InvitedSessionAsync();
        var salma = people.Keys.First(k => k.StartsWith("salma."));
        await WaitForMailAsync(salma, 1);
        await _client.PostJsonAsync($"/api/sessions/{session}/invitations", new { all = true }, HttpStatusCode.Accepted);
        await Eventually.WaitAsync(() => _client.GetJsonAsync($"/api/sessions/{session}/messages"), m => m.AsArray().Where(x => x.Str("kind") == "invitation").All(x => x.Str("status") != "planned"), "dispatch");
        Assert.Single(MailTo(salma));
    }
}

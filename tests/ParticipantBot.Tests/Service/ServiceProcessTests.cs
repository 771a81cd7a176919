using System.Net;
using ParticipantBot.Tests.Support;

namespace ParticipantBot.Tests.Service;

/// <summary>
/// The service as a newcomer runs it: a real process with its embedded defaults (SQLite under
/// data/, no cloud settings), seeded with --demo, twice.
/// </summary>
public sealed class ServiceProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("participantbot-run-").FullName;

    [Fact]
    public async Task Service_StartsWithItsDefaults_SeedsTheDemoOnce_AndAnswersHealth()
    {
        var first = await RunAsync(async client =>
        {
            Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
            var campaigns = await client.GetJsonAsync("/api/campaigns");
            Assert.Equal("Consultations sectorielles – Tanger", Assert.Single(campaigns.AsArray()).Str("name"));
        });
        Assert.Contains("Database: Sqlite", first);
        Assert.Contains("DEVELOPMENT IDENTITY IS ON", first);
        Assert.Contains("Demo data seeded", first);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "participantbot.db")));

        var second = await RunAsync(async client =>
        {
            var campaign = Assert.Single((await client.GetJsonAsync("/api/campaigns")).AsArray());
            var people = await client.GetJsonAsync($"/api/campaigns/{campaign.Str("id")}/participants");
            Assert.Equal(72, people.AsArray().Count);
        });
        Assert.Contains("nothing changed", second);
    }

    [Fact]
    public async Task Demo_InvitingSession1_WritesOneEmlPerPerson_AndTheirLinkRecordsTheirAnswer()
    {
        await RunAsync(async client =>
        {
            const string session1 = "7a2e0000-0000-4000-8000-000000000101";
            var invited = await client.PostJsonAsync($"/api/sessions/{session1}/invitations", new { all = true }, HttpStatusCode.Accepted);
            var count = invited["created"]!.GetValue<int>();
            var outbox = new MailFolder(Path.Combine(_folder, "data", "outbox"));
            var mails = await outbox.WaitForAsync(count);
            Assert.Equal(count, mails.Count);
            Assert.All(mails, m => Assert.Single(m.To.Mailboxes));
            Assert.Equal(count, mails.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());

            var alex = mails.Single(m => m.To.Mailboxes.Single().Address == "alexw@example.com");
            var link = MailFolder.RsvpLink(alex);
            var page = await client.GetAsync(link.PathAndQuery);
            var html = await page.Content.ReadAsStringAsync();
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var post = new HttpRequestMessage(HttpMethod.Post, link.PathAndQuery)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["answer"] = "accept", ["__RequestVerificationToken"] = token }),
            };
            Assert.True((await client.SendAsync(post)).IsSuccessStatusCode);
            var invitations = await client.GetJsonAsync($"/api/sessions/{session1}/invitations");
            var mine = invitations.AsArray().Single(i => i.Str("email") == "alexw@example.com");
            Assert.Equal("accepted", mine.Str("status"));
            Assert.Equal("web", mine.Str("channel"));
        });
    }

    private async Task<string> RunAsync(Func<HttpClient, Task> check)
    {
        await using var service = await ServiceProcess.StartAsync(_folder, new Dictionary<string, string>(), "--demo");
        using var client = service.Client();
        await check(client);
        await service.KillAsync();
        return service.Log;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
